package org.awardinghub.api.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The embedded default's read store: mongo-java-server on its H2 (MVStore) backend, in a file under the data
 * directory, listening on a free loopback port. Its backend flushes on its own only about once a second, so
 * the projections commit it before their tracking tokens are stored (see {@link ReadStoreCommitInterceptor}).
 *
 * <p>The port answers only the application: every connection must sign in with a password drawn at random for this
 * start and held in memory only ({@link AuthenticatedBackend}), so another local process can neither read a
 * candidate nor change a read model through it. The password never leaves this object but in the client's settings,
 * and the driver does not log credentials.
 */
@Component
@ConditionalOnExpression("'${awarding.readstore.mongo-uri:}'.isBlank()")
public class EmbeddedReadStore implements DisposableBean {

    private final H2Backend backend;
    private final MongoServer server;
    private static final String USER = "awarding-hub";

    static final String FILE = "readmodels.mv.db";
    /** Present while the store is open: found at a start, the last run ended without closing it. */
    static final String OPEN_MARKER = "readmodels.open";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedReadStore.class);

    private final Path openMarker;

    private final String connectionString;
    private final char[] password = randomPassword();
    private final boolean createdNow;

    public EmbeddedReadStore(
            @Value("${awarding.data-dir}") Path dataDir, @Value("${awarding.readstore.cache-mb}") int cacheMb)
            throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        this.openMarker = dataDir.resolve(OPEN_MARKER);
        // The backend writes a document and its index entries as separate steps, and its file commits on its own
        // every second: a kill can keep one without the other, and a later write or reset then fails on the index
        // (the crash rounds found it). Read models are derived data: after a run that did not close the store, it
        // starts empty and its processors replay from the first event (NewReadStoreRebuild).
        if (Files.exists(openMarker) && Files.deleteIfExists(file)) {
            LOG.warn("The read store was not closed by the last run: it starts empty and its read models are rebuilt"
                    + " from the events");
        }
        this.createdNow = !Files.exists(file);
        Files.writeString(openMarker, "open");
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMb)
                .open();
        this.backend = new EmbeddedH2Backend(store);
        this.server = new MongoServer(new AuthenticatedBackend(backend, USER, password));
        var address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** How the application's one client reaches the store: its address and the credential of this start. */
    public MongoClientSettings.Builder clientSettings() {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .credential(MongoCredential.createPlainCredential(USER, AuthenticatedBackend.SOURCE, password));
    }

    /** The address alone: a client that connects with it and no credential is refused every command. */
    String connectionString() {
        return connectionString;
    }

    private static char[] randomPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /**
     * Whether this start created the store's file: a new data directory, one whose read store was deleted or not
     * restored, or one whose last run ended without closing the store (a kill), so that every read model in it is
     * empty ({@link NewReadStoreRebuild}).
     */
    public boolean createdNow() {
        return createdNow;
    }

    /** Makes everything written so far durable. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void destroy() {
        server.shutdownNow();
        backend.close();
        try {
            Files.deleteIfExists(openMarker); // closed whole: the next start keeps it
        } catch (IOException e) {
            LOG.warn("Could not remove {}: the next start rebuilds the read store", openMarker, e);
        }
    }
}
