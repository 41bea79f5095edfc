package org.awardinghub.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mongo-java-server on a loopback port and a real driver client, one per test class;
 * each test takes a database of its own. The backend is H2's, in memory: the one the embedded
 * default runs on (the separate memory-backend artifact would add a dependency and test another engine).
 */
public final class InProcessMongo implements BeforeAllCallback, AfterAllCallback {

    private final AtomicInteger databases = new AtomicInteger();
    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("test" + databases.incrementAndGet());
    }

    /** Every document of a collection, in _id order, for comparing whole read models. */
    public static List<Document> allDocuments(MongoDatabase database, String collection) {
        return database.getCollection(collection)
                .find()
                .sort(Sorts.ascending(ReadModelCollection.ID))
                .into(new ArrayList<>());
    }
}
