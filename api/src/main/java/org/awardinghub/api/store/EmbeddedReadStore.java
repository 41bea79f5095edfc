package org.awardinghub.api.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The embedded default's read store: mongo-java-server on its H2 (MVStore) backend, in a file under the data
 * directory, listening on a free loopback port. Its backend flushes on its own only about once a second, so
 * the projections commit it before their tracking tokens are stored (see {@link ReadStoreCommitInterceptor}).
 */
@Component
@ConditionalOnExpression("'${awarding.readstore.mongo-uri:}'.isBlank()")
public class EmbeddedReadStore implements DisposableBean {

    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    public EmbeddedReadStore(
            @Value("${awarding.data-dir}") Path dataDir, @Value("${awarding.readstore.cache-mb}") int cacheMb)
            throws IOException {
        Files.createDirectories(dataDir);
        MVStore store = new MVStore.Builder()
                .fileName(dataDir.resolve("readmodels.mv.db").toString())
                .cacheSize(cacheMb)
                .open();
        this.backend = new EmbeddedH2Backend(store);
        this.server = new MongoServer(backend);
        var address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public String connectionString() {
        return connectionString;
    }

    /** Makes everything written so far durable. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void destroy() {
        server.shutdownNow();
        backend.close();
    }
}
