package org.awardinghub.api.nodes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The stand-in for a MongoDB server that several application nodes share, in a process of its own: MongoDB cannot
 * be installed on the machines the suite runs on, so the two-node test starts this Mongo-wire server (the one the
 * embedded default runs in-process) on a port given as the first argument, keeping everything in memory.
 * Production uses a MongoDB replica set ({@code docs/operations.md}).
 */
public final class ReadStoreServer {

    private ReadStoreServer() {}

    public static void main(String[] arguments) throws InterruptedException {
        int port = Integer.parseInt(arguments[0]);
        MongoServer server = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("Read store listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
