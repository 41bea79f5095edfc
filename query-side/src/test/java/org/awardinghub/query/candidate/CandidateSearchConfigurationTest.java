package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import org.awardinghub.query.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The property chooses the search index, as the application's context would. */
class CandidateSearchConfigurationTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.registerBean(MongoDatabase.class, mongo::freshDatabase);
        context.register(CandidateSearchConfiguration.class);
        context.refresh();
        return context;
    }

    @Test
    void givenNoProperty_whenContextStarts_thenMemoryIndex() {
        try (var context = context(Map.of())) {
            assertThat(context.getBean(CandidateSearchIndex.class)).isInstanceOf(MemoryCandidateSearchIndex.class);
        }
    }

    @Test
    void givenMongo_whenContextStarts_thenMongoIndex() {
        try (var context = context(Map.of(CandidateSearchConfiguration.PROPERTY, "mongo"))) {
            assertThat(context.getBean(CandidateSearchIndex.class)).isInstanceOf(MongoCandidateSearchIndex.class);
        }
    }

    @Test
    void givenMemory_whenContextStarts_thenMemoryIndex() {
        try (var context = context(Map.of(CandidateSearchConfiguration.PROPERTY, "memory"))) {
            assertThat(context.getBean(CandidateSearchIndex.class)).isInstanceOf(MemoryCandidateSearchIndex.class);
        }
    }

    @Test
    void givenUnknownValue_whenContextStarts_thenItFailsNamingTheProperty() {
        assertThatThrownBy(() -> context(Map.of(CandidateSearchConfiguration.PROPERTY, "lucene")))
                .isInstanceOf(BeanCreationException.class)
                .hasStackTraceContaining(CandidateSearchConfiguration.PROPERTY);
    }
}
