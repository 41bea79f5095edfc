package org.awardinghub.query.candidate;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Chooses the {@link CandidateSearchIndex} by {@value #PROPERTY}: {@code memory} (the default) for the embedded
 * single-node read store, {@code mongo} for a real MongoDB. The memory index starts loading from the candidates
 * collection once the context has started (the web server included), on a thread of its own, so that the
 * application answers while it fills; searches wait for it.
 */
@Configuration
class CandidateSearchConfiguration {

    public static final String PROPERTY = "awarding.readstore.search-index";
    public static final String MEMORY = "memory";
    public static final String MONGO = "mongo";

    @Bean
    public CandidateSearchIndex candidateSearchIndex(
            MongoDatabase database, @Value("${" + PROPERTY + ":" + MEMORY + "}") String kind) {
        return switch (kind.strip()) {
            case MEMORY -> MemoryCandidateSearchIndex.loadingFrom(database);
            case MONGO -> new MongoCandidateSearchIndex(database);
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be " + MEMORY + " or " + MONGO + ", not '" + kind + "'");
        };
    }

    @EventListener
    public void startLoading(ContextRefreshedEvent started) {
        if (started.getApplicationContext().getBean(CandidateSearchIndex.class)
                instanceof MemoryCandidateSearchIndex memory) {
            memory.startLoading();
        }
    }
}
