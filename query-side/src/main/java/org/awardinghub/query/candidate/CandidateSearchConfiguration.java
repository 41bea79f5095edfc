package org.awardinghub.query.candidate;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link CandidateSearchIndex} by {@value #PROPERTY}: {@code memory} (the default) for the embedded
 * single-node read store, {@code mongo} for a real MongoDB. The memory index is loaded from the candidates
 * collection here, while the context starts — before any event processor runs.
 */
@Configuration
public class CandidateSearchConfiguration {

    public static final String PROPERTY = "awarding.readstore.search-index";
    public static final String MEMORY = "memory";
    public static final String MONGO = "mongo";

    @Bean
    public CandidateSearchIndex candidateSearchIndex(
            MongoDatabase database, @Value("${" + PROPERTY + ":" + MEMORY + "}") String kind) {
        return switch (kind.strip()) {
            case MEMORY -> MemoryCandidateSearchIndex.loadedFrom(database);
            case MONGO -> new MongoCandidateSearchIndex(database);
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be " + MEMORY + " or " + MONGO + ", not '" + kind + "'");
        };
    }
}
