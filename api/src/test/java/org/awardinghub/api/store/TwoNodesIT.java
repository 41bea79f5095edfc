package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.ScratchPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two packaged application nodes, started at the same moment, on one PostgreSQL database (events, tokens, lookup
 * tables, credentials, deadlines, the audit log) and one read store reached through the MongoDB driver: MongoDB cannot
 * be installed on the machines the suite runs on, so a Mongo-wire server runs as a third process in its stead
 * ({@code nodes.ReadStoreServer}; production uses a MongoDB replica set). What one node does shows on the other,
 * sessions, lock-outs and limits hold across them, the processors' segments are shared and taken over when a node is
 * killed, a time limit fires once, and concurrent amendments through both lose nothing.
 *
 * <p>Then, under a steady load of writes through both nodes, one node is killed with SIGKILL and its segments are
 * taken over by the other; it is started again and the segments are shared again; finally the other node is stopped
 * as an operator stops it (SIGTERM), and its claims are given up at once. Every write acknowledged is there at the
 * end. A long variant, run only when asked for (ADR 0159) and when {@code AWARDING_TEST_POSTGRES_URL} names a
 * PostgreSQL server: {@code -Dtwo-nodes.rounds=1} runs one such round, {@code -Dtwo-nodes.rounds=10} kills the nodes
 * in turn that many times (figures in {@code docs/operations.md}). Node B writes its log as JSON (ECS), as {@code docker/compose.yaml} configures it.
 */
@EnabledIfEnvironmentVariable(named = "AWARDING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@EnabledIfSystemProperty(named = "two-nodes.rounds", matches = "[1-9][0-9]*")
class TwoNodesIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration TAKEN_OVER_WITHIN = Duration.ofSeconds(10);
    private static final int VERIFICATIONS_PER_MINUTE = 6;
    private static final Path REPORT = Path.of("target", "two-nodes.md");
    private static final int ROUNDS = Integer.getInteger("two-nodes.rounds", 1);
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(Long.getLong("two-nodes.load-seconds", 2));
    private static final String LOCK_OUT_CORRELATION = "two-nodes-lock-out-";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> figures = new TreeMap<>();

    @Test
    void givenTwoNodesOnOneDatabaseAndReadStore_whenUsedThroughEither_thenTheyActAsOneApplication() throws Exception {
        try (ScratchPostgres database = ScratchPostgres.create("awarding_nodes_")) {
            int readStorePort = PackagedApplication.freePort();
            processes.add(readStoreServer(readStorePort));
            Map<String, String> environment = Map.of(
                    "AWARDING_POSTGRES_URL",
                    database.url(),
                    "AWARDING_POSTGRES_USER",
                    ScratchPostgres.USER,
                    "AWARDING_MONGO_URI",
                    "mongodb://127.0.0.1:" + readStorePort + "/");
            Node nodeA = new Node("a", environment);
            Node nodeB = new Node("b", with(environment, "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
            nodeA.start();
            nodeB.start();
            try {
                HttpClientForTests a = nodeA.http;
                HttpClientForTests b = nodeB.http;
                String admin = RestartTest.awaitLogin(a, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
                await().atMost(Duration.ofMinutes(3)).until(() -> ready(a) && ready(b));

                aSessionWorksOnEitherNode(admin, b);
                AssessmentSteps steps = new AssessmentSteps(a, admin, dataDir("a")); // the outbox of node A
                AssessmentSteps.Qualification qualification = steps.publish(1);
                String centreId = steps.centre(qualification.code());
                AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
                AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
                AssessmentSteps.Candidate sitting = steps.register(coordinator.token(), centreId, qualification.code());
                String attemptId = steps.started(
                                sitting.registrationNumber(),
                                steps.opened(invigilator.token(), sitting.candidateId(), qualification.assessmentCode())
                                        .get("accessKey")
                                        .asText())
                        .get("attemptId")
                        .asText();

                aChangeOnOneNodeShowsOnTheOtherWithinTwoSeconds(a, b, admin);
                theSegmentsAreShared(database);
                candidateSearchAnswersTheSameOnBoth(a, b, admin, steps, coordinator.token(), centreId, qualification);
                aLockOutHoldsOnBothNodes(a, b, steps, centreId);
                theVerificationLimitHoldsAcrossNodes(a, b);
                concurrentAmendmentsThroughBothLoseNothing(
                        a, b, admin, steps.register(coordinator.token(), centreId, qualification.code()), coordinator);
                theTimeLimitFiresOnce(database, a, b, admin, attemptId);

                theLogIsJsonWithTheCorrelationIdOnEachRequestsLines(nodeB);
                killedAndStoppedNodesLoseNothing(database, nodeA, nodeB, admin);
            } finally {
                report();
            }
        } finally {
            for (Process process : processes) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.MINUTES);
            }
        }
    }

    private void aSessionWorksOnEitherNode(String admin, HttpClientForTests b) {
        assertThat(b.get("/api/me", admin).status())
                .as("a session opened on A, used on B")
                .isEqualTo(200);
    }

    private void aChangeOnOneNodeShowsOnTheOtherWithinTwoSeconds(
            HttpClientForTests a, HttpClientForTests b, String admin) {
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            HttpClientForTests writer = i % 2 == 0 ? a : b;
            HttpClientForTests reader = i % 2 == 0 ? b : a;
            var created = writer.post("/api/centres", admin, centre());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long written = System.nanoTime();
            String path = "/api/centres/" + created.json().get("centreId").asText();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> reader.get(path, admin).status() == 200);
            slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written));
        }
        figures.put("slowest change seen on the other node (ms)", String.valueOf(slowest));
        assertThat(Duration.ofMillis(slowest)).isLessThanOrEqualTo(VISIBLE_WITHIN);
    }

    /** Every processor's segments, between them; those of one segment on one node at a time. */
    private void theSegmentsAreShared(ScratchPostgres database) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, Map<String, Integer>> owners = segmentsByOwner(database);
                    for (var processor : owners.entrySet()) {
                        int segments = processor.getValue().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum();
                        assertThat(processor.getValue().keySet())
                                .as("the nodes holding segments of %s", processor.getKey())
                                .hasSize(segments == 1 ? 1 : 2)
                                .doesNotContainNull();
                    }
                    assertThat(ownersOf(database))
                            .as("nodes holding segments: %s", claims(database))
                            .hasSize(2);
                });
    }

    private void candidateSearchAnswersTheSameOnBoth(
            HttpClientForTests a,
            HttpClientForTests b,
            String admin,
            AssessmentSteps steps,
            String coordinator,
            String centreId,
            AssessmentSteps.Qualification qualification) {
        for (int i = 0; i < 3; i++) {
            steps.register(coordinator, centreId, qualification.code());
        }
        String query = "/api/centres/" + centreId + "/candidates?size=50";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode onA = a.get(query, admin).json().path("items");
            JsonNode onB = b.get(query, admin).json().path("items");
            assertThat(onA.size()).as("the candidates registered so far").isEqualTo(4);
            assertThat(onB).isEqualTo(onA);
        });
    }

    /** Wrong passwords sent to both nodes in turn lock the PIN from this address on both. */
    private void aLockOutHoldsOnBothNodes(
            HttpClientForTests a, HttpClientForTests b, AssessmentSteps steps, String centreId) {
        AssessmentSteps.Staff user = steps.user(centreId, "INVIGILATOR");
        for (int i = 0; i < 5; i++) {
            var wrong = (i % 2 == 0 ? a : b)
                    .post(
                            "/api/auth/login",
                            null,
                            Map.of("pin", user.pin(), "password", "not the password " + i),
                            Map.of("X-Correlation-Id", LOCK_OUT_CORRELATION + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }
        for (HttpClientForTests node : List.of(a, b)) {
            assertThat(node.post(
                                    "/api/auth/login",
                                    null,
                                    Map.of("pin", user.pin(), "password", ApplicationTest.GOOD_PASSWORD))
                            .status())
                    .as("locked out on both nodes")
                    .isEqualTo(429);
        }
    }

    /** The limit per address and minute counts the requests to both nodes together. */
    private void theVerificationLimitHoldsAcrossNodes(HttpClientForTests a, HttpClientForTests b) {
        // all within one clock minute
        long secondOfMinute = Clock.systemUTC().millis() / 1000 % 60;
        if (secondOfMinute > 40) {
            pause(Duration.ofSeconds(61 - secondOfMinute));
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= VERIFICATIONS_PER_MINUTE; i++) {
            statuses.add((i % 2 == 0 ? a : b)
                    .get("/api/certificates/NOSUCH" + i + "/verify?code=ABCDEF", null)
                    .status());
        }
        assertThat(statuses.subList(0, VERIFICATIONS_PER_MINUTE)).doesNotContain(429);
        assertThat(statuses.get(VERIFICATIONS_PER_MINUTE))
                .as("one more than the limit, whichever node answers")
                .isEqualTo(429);
    }

    /** Each amendment is either in the history or refused with 409; none is lost and none applied twice. */
    private void concurrentAmendmentsThroughBothLoseNothing(
            HttpClientForTests a,
            HttpClientForTests b,
            String admin,
            AssessmentSteps.Candidate candidate,
            AssessmentSteps.Staff coordinator)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Map.Entry<String, Integer>>> sent = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HttpClientForTests node = i % 2 == 0 ? a : b;
            String name = "Amended" + AssessmentSteps.lettersOnly(AssessmentSteps.unique());
            sent.add(clients.submit(() -> Map.entry(
                    name,
                    node.post(
                                    "/api/candidates/" + candidate.candidateId() + "/amendments",
                                    coordinator.token(),
                                    Map.of("field", "FIRST_NAME", "value", name, "reason", "Spelling on the form"))
                            .status())));
        }
        Map<String, Integer> answers = new HashMap<>();
        for (var future : sent) {
            var answer = future.get(2, TimeUnit.MINUTES);
            answers.put(answer.getKey(), answer.getValue());
        }
        clients.shutdown();
        assertThat(answers.values()).allMatch(status -> status == 200 || status == 409);
        Set<String> applied = new java.util.HashSet<>();
        answers.forEach((name, status) -> {
            if (status == 200) {
                applied.add(name);
            }
        });
        figures.put(
                "concurrent amendments through both nodes: applied / refused with 409",
                applied.size() + " / " + (answers.size() - applied.size()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<String> inHistory = new java.util.HashSet<>();
            for (JsonNode entry : a.get("/api/candidates/" + candidate.candidateId() + "/history", admin)
                    .json()) {
                JsonNode to = entry.path("changes").path("firstName").path("to");
                if (!to.isMissingNode() && to.asText().startsWith("Amended")) {
                    inHistory.add(to.asText());
                }
            }
            assertThat(inHistory).isEqualTo(applied);
        });
    }

    /** The attempt's one-minute limit passes: submitted by the time limit once, whichever node's scheduler ran it. */
    private void theTimeLimitFiresOnce(
            ScratchPostgres database, HttpClientForTests a, HttpClientForTests b, String admin, String attemptId)
            throws SQLException {
        for (HttpClientForTests node : List.of(a, b)) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> "SUBMITTED"
                            .equals(node.get("/api/assessment-attempts/" + attemptId, admin)
                                    .json()
                                    .path("status")
                                    .asText()));
        }
        try (Connection connection = DriverManager.getConnection(database.url(), ScratchPostgres.USER, "");
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%AttemptSubmitted'")) {
            statement.setString(1, attemptId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("the attempt submitted once").isEqualTo(1);
            }
        }
    }

    /**
     * Rounds of a steady load of writes through both nodes: in each, one node (A, then B, in turn) is killed with
     * SIGKILL, the other takes its segments over within 10 s, and the killed node starts again and gets its share back.
     * Then B is stopped with SIGTERM: it finishes what is in flight and gives its claims up at once, instead of
     * leaving them to lapse. Every write acknowledged is found at the end; nothing else came back but 201 or 503.
     */
    private void killedAndStoppedNodesLoseNothing(ScratchPostgres database, Node nodeA, Node nodeB, String admin)
            throws Exception {
        long slowestTakeover = 0;
        long slowestReturn = 0;
        CentreLoad load = new CentreLoad(List.of(nodeA.http, nodeB.http), admin);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Node victim = round % 2 == 1 ? nodeA : nodeB;
                Node survivor = victim == nodeA ? nodeB : nodeA;
                pause(LOAD_BEFORE_KILL);
                victim.process.destroyForcibly(); // its claims lapse instead of being released
                victim.process.waitFor(1, TimeUnit.MINUTES);
                long killed = System.nanoTime();
                awaitOnlyOwner(database, survivor, Duration.ofSeconds(30), "after " + victim.name + " was killed");
                slowestTakeover = Math.max(slowestTakeover, millisSince(killed));

                long restarted = System.nanoTime();
                victim.start();
                await().atMost(Duration.ofMinutes(3)).until(() -> ready(victim.http));
                theSegmentsAreShared(database);
                slowestReturn = Math.max(slowestReturn, millisSince(restarted));
            }
            figures.put("rounds of SIGKILL and restart under load", String.valueOf(ROUNDS));
            figures.put(
                    "segments all held by the surviving node after a SIGKILL, slowest (ms)",
                    String.valueOf(slowestTakeover));
            figures.put("killed node started again and holding its share, slowest (ms)", String.valueOf(slowestReturn));
            assertThat(Duration.ofMillis(slowestTakeover)).isLessThanOrEqualTo(TAKEN_OVER_WITHIN);

            pause(LOAD_BEFORE_KILL);
            long stopping = System.nanoTime();
            nodeB.process.destroy(); // SIGTERM, as an operator or an orchestrator stops a node
            assertThat(nodeB.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            figures.put(
                    "node stopped with SIGTERM under load, exited after (ms)", String.valueOf(millisSince(stopping)));
            assertThat(ownersOf(database))
                    .as("claims given up as the node stopped, not left to lapse")
                    .noneMatch(owner -> owner.startsWith(nodeB.process.pid() + "@"));
            long stopped = System.nanoTime();
            awaitOnlyOwner(database, nodeA, Duration.ofSeconds(30), "after B stopped");
            figures.put(
                    "segments all held by the other node after a SIGTERM (ms)", String.valueOf(millisSince(stopped)));
        } finally {
            load.stop();
        }
        figures.put(
                "writes under load: acknowledged / unanswered (node down)",
                load.acknowledged.size() + " / " + load.unanswered.get());
        assertThat(load.statuses.keySet())
                .as("answers while nodes were killed, started and stopped")
                .isSubsetOf(201, 503);
        assertThat(load.acknowledged).isNotEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(centreIds(nodeA.http, admin))
                        .as("the centres listed")
                        .containsAll(load.acknowledged));
    }

    /** Every centre's id, page by page. */
    private static Set<String> centreIds(HttpClientForTests node, String admin) {
        Set<String> ids = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items =
                    node.get("/api/centres?size=200&page=" + page, admin).json().path("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(centre -> ids.add(centre.path("centreId").asText()));
        }
    }

    private void awaitOnlyOwner(ScratchPostgres database, Node owner, Duration within, String when) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
                Set<String> owners = ownersOf(database);
                return owners.size() == 1 && owners.iterator().next().startsWith(owner.process.pid() + "@");
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "segments not all held by " + owner.name + " " + when + ": " + claims(database), e);
        }
    }

    /** Node B, logging as JSON: one object a line, and the lines logged while serving a request carry its id. */
    private static void theLogIsJsonWithTheCorrelationIdOnEachRequestsLines(Node node) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(node.log())) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("lines logged").isNotEmpty().allMatch(JsonNode::isObject);
        assertThat(lines)
                .as("refused sign-ins on B, each under the correlation id its request carried")
                .anyMatch(line -> line.path("correlationId").asText().equals(LOCK_OUT_CORRELATION + 1)
                        && line.path("message").asText().startsWith("Sign-in refused"))
                .anyMatch(line -> line.path("correlationId").asText().equals(LOCK_OUT_CORRELATION + 3));
    }

    /** A node's process, started (and started again) on the same port, data directory and settings. */
    private final class Node {
        final String name;
        final int port = PackagedApplication.freePort();
        final HttpClientForTests http = new HttpClientForTests(port);
        private final Map<String, String> environment;
        private int starts;
        Process process;

        Node(String name, Map<String, String> environment) {
            this.name = name;
            this.environment = environment;
            PackagedApplication.emptied(dataDir(name));
        }

        void start() throws IOException {
            starts++;
            process = PackagedApplication.start(
                    port,
                    dataDir(name),
                    log().getFileName().toString(),
                    environment,
                    "--spring.profiles.active=postgres,mongo",
                    "--awarding.certification.verify-per-minute=" + VERIFICATIONS_PER_MINUTE);
            processes.add(process);
        }

        Path log() {
            return Path.of("target", "two-nodes-" + name + (starts > 1 ? "-" + starts : "") + ".log");
        }
    }

    /** Clients creating centres through the nodes in turn until stopped, whichever node is up. */
    private static final class CentreLoad {
        private static final int CLIENTS = 2;
        final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicBoolean stopped =
                new java.util.concurrent.atomic.AtomicBoolean();
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

        CentreLoad(List<HttpClientForTests> nodes, String admin) {
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                clients.submit(() -> {
                    for (int i = first; !stopped.get(); i++) {
                        try {
                            var answer = nodes.get(i % nodes.size()).post("/api/centres", admin, centre());
                            statuses.merge(answer.status(), 1, Integer::sum);
                            if (answer.status() == 201) {
                                acknowledged.add(answer.json().get("centreId").asText());
                            }
                        } catch (RuntimeException nodeDown) {
                            unanswered.incrementAndGet();
                            pause(Duration.ofMillis(50));
                        }
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static Path dataDir(String node) {
        return Path.of("target", "two-nodes-" + node).toAbsolutePath();
    }

    private static Process readStoreServer(int port) throws IOException {
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.awardinghub.api.nodes.ReadStoreServer",
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "two-nodes-read-store.log").toFile())
                .start();
        await().atMost(Duration.ofMinutes(1)).until(() -> listening(port));
        return server;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean ready(HttpClientForTests node) {
        try {
            return node.get("/actuator/health/readiness", null).status() == 200;
        } catch (RuntimeException notListening) {
            return false;
        }
    }

    /** Per processor, how many segments each owner holds (null: a segment nobody holds). */
    private static Map<String, Map<String, Integer>> segmentsByOwner(ScratchPostgres database) throws SQLException {
        Map<String, Map<String, Integer>> owners = new TreeMap<>();
        eachToken(
                database,
                "processor_name, owner, COUNT(*)",
                "GROUP BY processor_name, owner",
                row -> owners.computeIfAbsent(row.getString(1), p -> new HashMap<>())
                        .put(row.getString(2), row.getInt(3)));
        return owners;
    }

    /** Every claim, for a failure's message: processor, segment, owner and when the claim was last renewed. */
    private static String claims(ScratchPostgres database) {
        StringBuilder text = new StringBuilder();
        try {
            eachToken(
                    database,
                    "processor_name, segment, owner, timestamp",
                    "ORDER BY processor_name, segment",
                    row -> text.append(String.format(
                            "%n  %s/%d %s %s", row.getString(1), row.getInt(2), row.getString(3), row.getString(4))));
        } catch (SQLException e) {
            text.append(e);
        }
        return text.toString();
    }

    private interface TokenRow {
        void read(ResultSet row) throws SQLException;
    }

    /** Reads the processors' token rows (not Axon's own configuration row), one query, each row handed on. */
    private static void eachToken(ScratchPostgres database, String columns, String groupOrOrder, TokenRow each)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), ScratchPostgres.USER, "");
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT " + columns + " FROM token_entry WHERE processor_name <> '__config' "
                                + groupOrOrder)) {
            while (rows.next()) {
                each.read(rows);
            }
        }
    }

    private static Set<String> ownersOf(ScratchPostgres database) throws SQLException {
        Set<String> owners = new java.util.TreeSet<>();
        segmentsByOwner(database)
                .values()
                .forEach(byOwner -> byOwner.keySet().forEach(owner -> owners.add(owner == null ? "(nobody)" : owner)));
        return owners;
    }

    private static Map<String, Object> centre() {
        String unique = AssessmentSteps.unique();
        return Map.of(
                "name",
                "Node Centre " + unique,
                "address",
                "2 Cluster Road, Hertford",
                "contactEmail",
                "office@" + unique + ".example");
    }

    private void report() throws IOException {
        StringBuilder text = new StringBuilder("| figure | value |\n|---|---|\n");
        figures.forEach((name, value) ->
                text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        java.nio.file.Files.writeString(REPORT, text);
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
