package org.awardinghub.api.operations;

import com.mongodb.client.MongoDatabase;
import org.awardinghub.query.candidate.CandidateSearchStatus;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What readiness waits for besides Spring's own: the read store answering, and candidate search loaded. The
 * relational database is Spring's {@code db} check; the start-up work (migrations, the bootstrap administrator, the
 * sample catalogue) is done before Spring reports the application ready at all (ADR 0143).
 */
@Configuration
class ReadinessChecks {

    /** The read store answers a ping: {@code readStore} in {@code /actuator/health}. */
    @Bean
    HealthIndicator readStoreHealthIndicator(MongoDatabase readStore) {
        return () -> {
            readStore.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", readStore.getName()).build();
        };
    }

    /** Out of service while the candidate search index loads at start: {@code candidateSearch}. */
    @Bean
    HealthIndicator candidateSearchHealthIndicator(CandidateSearchStatus search) {
        return () ->
                search.ready() ? Health.up().build() : Health.outOfService().build();
    }
}
