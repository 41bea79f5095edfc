package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read store listens on a loopback port, and answers only the application: a local process that finds
 * the port can neither read a candidate nor set a revoked certificate back to valid.
 */
class EmbeddedReadStoreTest {

    @TempDir
    Path dataDir;

    private EmbeddedReadStore store;
    private MongoClient application;

    @BeforeEach
    void setUp() throws IOException {
        store = new EmbeddedReadStore(dataDir, 16);
        application = MongoClients.create(store.clientSettings().build());
        certificates().insertOne(new Document("_id", "CERT-1").append("status", "REVOKED"));
        application
                .getDatabase("awarding")
                .getCollection("candidates")
                .insertOne(new Document("_id", "k1").append("firstName", "Ada"));
    }

    @AfterEach
    void tearDown() {
        application.close();
        store.destroy();
    }

    @Test
    void givenTheApplicationsClient_whenItReadsAndWrites_thenTheStoreAnswers() {
        assertThat(certificates().find().first()).containsEntry("status", "REVOKED");
    }

    @Test
    void givenALocalProcessWithTheAddressOnly_whenItReadsOrWrites_thenEveryCommandIsRefusedAndNothingChanges() {
        try (MongoClient intruder = MongoClients.create(quick(store.connectionString(), null))) {
            MongoCollection<Document> candidates =
                    intruder.getDatabase("awarding").getCollection("candidates");
            MongoCollection<Document> certificates =
                    intruder.getDatabase("awarding").getCollection("certificates");

            assertUnauthorized(() -> candidates.find().first());
            assertUnauthorized(
                    () -> certificates.updateOne(Filters.eq("_id", "CERT-1"), Updates.set("status", "VALID")));
            assertUnauthorized(() -> certificates.deleteMany(new Document()));
            assertUnauthorized(() -> intruder.listDatabaseNames().first());
            assertUnauthorized(() -> intruder.getDatabase("awarding").drop());
        }

        assertThat(certificates().find().first()).containsEntry("status", "REVOKED");
        assertThat(application
                        .getDatabase("awarding")
                        .getCollection("candidates")
                        .countDocuments())
                .isEqualTo(1);
    }

    @Test
    void givenALocalProcessGuessingThePassword_whenItSignsIn_thenItIsRefused() {
        MongoCredential guess = MongoCredential.createPlainCredential(
                "awarding-hub", AuthenticatedBackend.SOURCE, "password".toCharArray());
        try (MongoClient intruder = MongoClients.create(quick(store.connectionString(), guess))) {
            assertThatThrownBy(() -> intruder.getDatabase("awarding")
                            .getCollection("certificates")
                            .find()
                            .first())
                    .isInstanceOf(MongoSecurityException.class);
        }
        assertThat(certificates().find().first()).containsEntry("status", "REVOKED");
    }

    @Test
    void givenTwoStarts_whenTheSecondOpens_thenTheFirstStartsPasswordNoLongerSignsIn() throws IOException {
        MongoClientSettings firstStart = store.clientSettings().build();
        tearDown();
        store = new EmbeddedReadStore(dataDir, 16);
        application = MongoClients.create(store.clientSettings().build());

        MongoClientSettings stale = MongoClientSettings.builder(firstStart)
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build();
        try (MongoClient old = MongoClients.create(stale)) {
            assertThatThrownBy(() -> old.getDatabase("awarding")
                            .getCollection("certificates")
                            .find()
                            .first())
                    .isInstanceOf(MongoSecurityException.class);
        }
        assertThat(certificates().find().first()).containsEntry("status", "REVOKED");
    }

    private MongoCollection<Document> certificates() {
        return application.getDatabase("awarding").getCollection("certificates");
    }

    private static MongoClientSettings quick(String address, MongoCredential credential) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS));
        return credential == null
                ? settings.build()
                : settings.credential(credential).build();
    }

    private static void assertUnauthorized(Runnable command) {
        assertThatThrownBy(command::run)
                .isInstanceOf(MongoCommandException.class)
                .satisfies(refused -> assertThat(((MongoCommandException) refused).getErrorCode())
                        .isEqualTo(13));
    }
}
