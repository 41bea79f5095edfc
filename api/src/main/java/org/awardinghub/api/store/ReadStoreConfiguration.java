package org.awardinghub.api.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' MongoDB: a real one when {@code awarding.readstore.mongo-uri} names it, otherwise the
 * in-process wire-protocol server persisting under the data directory. Either way the projections talk to it
 * through the real MongoDB driver.
 */
@Configuration
class ReadStoreConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(
            @Value("${awarding.readstore.mongo-uri:}") String uri, Optional<EmbeddedReadStore> embedded) {
        MongoClientSettings.Builder settings = uri.isBlank()
                ? embedded.orElseThrow(() -> new IllegalStateException("No read store configured"))
                        .clientSettings()
                : MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
        return MongoClients.create(settings.applicationName("awarding-hub").build());
    }

    @Bean
    public MongoDatabase readStore(MongoClient client, @Value("${awarding.readstore.database}") String database) {
        return client.getDatabase(database);
    }
}
