package org.awardinghub.api.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded read store's backend behind a sign-in: a connection may say hello and sign in, and nothing else until
 * it has signed in with the store's user and password (SASL {@code PLAIN}, which the MongoDB driver speaks). The
 * password is drawn at random for each start and kept in memory only, so that the one client that may use the store
 * is the application's own; any other local process that finds the loopback port is refused every command
 * (Unauthorized, code 13) and cannot read a candidate or change a read model.
 */
final class AuthenticatedBackend implements MongoBackend {

    static final String MECHANISM = "PLAIN";
    static final String SOURCE = "$external";

    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    /**
     * What a connection may ask before it has signed in: the handshake (the driver asks {@code getlasterror} for its
     * connection's id when {@code hello} gives none), and the sign-in itself. None of them reads or writes a read
     * model.
     */
    private static final Set<String> OPEN =
            Set.of("hello", "ismaster", "saslstart", "ping", "buildinfo", "getlasterror");

    private final MongoBackend backend;
    private final String user;
    private final byte[] password;
    private final Set<Channel> signedIn = ConcurrentHashMap.newKeySet();

    AuthenticatedBackend(MongoBackend backend, String user, char[] password) {
        this.backend = backend;
        this.user = user;
        this.password = new String(password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        if (isSignIn(command)) {
            return signIn(message.getChannel(), command);
        }
        require(message.getChannel(), command);
        return backend.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        Document command = query.getQuery().containsKey("$query")
                ? (Document) query.getQuery().get("$query")
                : query.getQuery();
        if (!query.getCollectionName().equals("$cmd") || !isOpen(command)) {
            require(query.getChannel(), null);
        }
        return backend.handleQuery(query);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!OPEN.contains(command.toLowerCase())) {
            require(channel, null);
        }
        return backend.handleCommand(channel, database, command, query);
    }

    @Override
    public void handleClose(Channel channel) {
        signedIn.remove(channel);
        backend.handleClose(channel);
    }

    private Document signIn(Channel channel, Document command) {
        Object payload = command.get("payload");
        if (!MECHANISM.equals(command.get("mechanism"))
                || !(payload instanceof BinData binary)
                || !matches(binary.getData())) {
            signedIn.remove(channel);
            throw new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
        }
        signedIn.add(channel);
        Document answer = new Document("conversationId", 1);
        answer.put("done", true);
        answer.put("payload", new BinData(new byte[0]));
        answer.put("ok", 1.0);
        return answer;
    }

    /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}, the identity to act as empty or the user's own. */
    private boolean matches(byte[] message) {
        String[] parts = new String(message, StandardCharsets.UTF_8).split("\0", -1);
        return parts.length == 3
                && (parts[0].isEmpty() || parts[0].equals(user))
                && parts[1].equals(user)
                && MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8), password);
    }

    private void require(Channel channel, Document command) {
        if (!signedIn.contains(channel) && (command == null || !isOpen(command))) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command requires authentication");
        }
    }

    private static boolean isSignIn(Document command) {
        return name(command).equalsIgnoreCase("saslStart");
    }

    private static boolean isOpen(Document command) {
        return OPEN.contains(name(command).toLowerCase());
    }

    private static String name(Document command) {
        return command.isEmpty() ? "" : command.keySet().iterator().next();
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        require(query.getChannel(), null);
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
