package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.query.Migrations;
import org.awardinghub.query.Page;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit queries at 1,000,000 events on the embedded default (an H2 file database, opened as the application
 * opens its own), measured. Never part of the normal build: run it with
 * {@code mvn -q -B -o -pl query-side test -Dbenchmark=true -Dtest=AuditLogBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in
 * {@code query-side/target/surefire-reports/org.awardinghub.query.audit.AuditLogBenchmarkTest-output.txt}.
 * The database is kept in {@code query-side/target/audit-benchmark} and reused by the next run while it holds the
 * whole history ({@code -Daudit.benchmark.fresh=true} builds it again).
 *
 * <p>The history goes through {@link AuditLogProjection} itself, 1,000 events per transaction as a processor's
 * batch: about 57,000 candidates registered at 200 centres of skewed sizes (the biggest about 1 in 8 of all), and
 * about 25,000 attempts at 12 assessments (items drawn from banks of 400), each opened by one of the centre's two
 * invigilators, started with a 30-question form, answered 35 times and submitted, interleaved 30 at a time; one
 * event every 30 seconds, so the history spans about a year. Then 200 queries of each kind warm up and 400 more
 * are measured; the requirement is p99 ≤ 200 ms for a timeline page and a blast-radius query.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("audit.benchmark.events", 1_000_000);
    /** Extra settings for the H2 URL, such as {@code ;CACHE_SIZE=262144} (KB). */
    private static final String H2_SETTINGS = System.getProperty("audit.benchmark.h2", "");

    private static final int CENTRES = 200;
    private static final int ASSESSMENTS = 12;
    private static final int BANK = 400;
    private static final int QUESTIONS = 30;
    private static final int ANSWERS = 35;
    private static final int CONCURRENT_ATTEMPTS = 30;
    private static final int BATCH = 1_000;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 400;
    private static final Instant START = Instant.parse("2025-09-01T08:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private AuditLogProjection projection;
    private final Map<String, long[]> figures = new LinkedHashMap<>();
    private final Random random = new Random(11);
    private double[] centreWeights;

    @BeforeAll
    void load() throws Exception {
        Path directory = Path.of("target", "audit-benchmark").toAbsolutePath();
        if (Boolean.getBoolean("audit.benchmark.fresh") && Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a))
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("events")
                        // H2 answers a repeated query from its last result while no table changed; in the running
                        // application new events keep changing them, so here it is switched off
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE" + H2_SETTINGS,
                "sa",
                "",
                true);
        jdbc = new JdbcTemplate(dataSource);
        Migrations.apply(dataSource);
        projection = new AuditLogProjection(jdbc, new AuditLog(jdbc), AuditStore.SERIALIZER);
        centreWeights = new double[CENTRES];
        for (int i = 0; i < CENTRES; i++) {
            centreWeights[i] = 1.0 / Math.pow(i + 1, 0.9);
        }
        double sum = Arrays.stream(centreWeights).sum();
        for (int i = 0; i < CENTRES; i++) {
            centreWeights[i] /= sum;
        }
        long have = new AuditLog(jdbc).count();
        if (have == EVENTS) {
            System.out.printf("reusing %,d events in %s%n", have, directory);
            return;
        }
        projection.reset();
        long began = System.nanoTime();
        generate();
        progress(String.format(
                "loaded %,d events in %d s; %,d link rows",
                EVENTS,
                (System.nanoTime() - began) / 1_000_000_000L,
                jdbc.queryForObject("SELECT COUNT(*) FROM audit_links", Long.class)));
        jdbc.execute("ANALYZE");
    }

    @BeforeAll
    void header() {
        progress(String.format(
                "%-52s %8s %8s %8s %10s", "query (400 measured unless told)", "p50 ms", "p99 ms", "max ms", "answer"));
    }

    @AfterAll
    void report() {
        System.out.printf("%-52s %8s %8s %8s %10s%n", "query (400 measured)", "p50 ms", "p99 ms", "max ms", "answer");
        figures.forEach((name, f) ->
                System.out.printf("%-52s %8.1f %8.1f %8.1f %10d%n", name, f[0] / 1e6, f[1] / 1e6, f[2] / 1e6, f[3]));
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    // ---- the history -------------------------------------------------------------------------------------

    /** One attempt in progress: what it has done so far. */
    private static final class Running {
        String attemptId;
        String candidateId;
        String number;
        int centre;
        String assessment;
        String invigilator;
        List<String> items;
        int step;
    }

    private long position;

    /** Surefire keeps a test's output until it ends: progress goes to a file beside the database as well. */
    private static void progress(String line) {
        System.out.println(line);
        try {
            Files.writeString(
                    Path.of("target", "audit-benchmark.log"),
                    line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void generate() {
        long began = System.nanoTime();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        List<String[]> candidates = new ArrayList<>(); // id, registration number, centre
        List<Running> running = new ArrayList<>();
        while (position < EVENTS) {
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < BATCH && position < EVENTS; i++) {
                    boolean register = candidates.size() < 100 || random.nextDouble() < 0.057;
                    if (register) {
                        registerCandidate(candidates);
                    } else {
                        advanceAttempt(candidates, running);
                    }
                }
            });
            if (position % 50_000 == 0) {
                progress(String.format(
                        "%,d events, %d s, file %,d MB",
                        position,
                        (System.nanoTime() - began) / 1_000_000_000L,
                        Path.of("target", "audit-benchmark", "events.mv.db")
                                        .toFile()
                                        .length()
                                >> 20));
            }
        }
    }

    private void registerCandidate(List<String[]> candidates) {
        int centre = centre();
        String id = "k" + candidates.size();
        String number = String.format("R%07d", candidates.size());
        candidates.add(new String[] {id, number, Integer.toString(centre)});
        deliver(
                "Candidate",
                id,
                0,
                new CandidateRegistered(
                        id,
                        centreId(centre),
                        number,
                        "First" + candidates.size(),
                        "Last" + candidates.size(),
                        java.time.LocalDate.of(2004, 1, 1),
                        null,
                        "LV3",
                        java.time.LocalDate.of(2025, 9, 1),
                        java.time.LocalDate.of(2025, 9, 2),
                        false,
                        false),
                staff(adminPin(centre), centre));
    }

    private int attemptCount;

    private void advanceAttempt(List<String[]> candidates, List<Running> running) {
        if (running.size() < CONCURRENT_ATTEMPTS) {
            String[] candidate = candidates.get(random.nextInt(candidates.size()));
            Running attempt = new Running();
            attempt.attemptId = "a" + attemptCount++;
            attempt.candidateId = candidate[0];
            attempt.number = candidate[1];
            attempt.centre = Integer.parseInt(candidate[2]);
            attempt.assessment = "AS" + random.nextInt(ASSESSMENTS);
            attempt.invigilator = invigilatorPin(attempt.centre, random.nextInt(2));
            running.add(attempt);
        }
        Running attempt = running.get(random.nextInt(running.size()));
        Instant now = timeAt(position + 1);
        String centreId = centreId(attempt.centre);
        if (attempt.step == 0) {
            deliver(
                    "Attempt",
                    attempt.attemptId,
                    0,
                    new AttemptOpened(
                            attempt.attemptId,
                            attempt.candidateId,
                            attempt.number,
                            centreId,
                            "LV3",
                            attempt.assessment,
                            1,
                            QUESTIONS,
                            60,
                            60,
                            "u-" + attempt.invigilator,
                            attempt.invigilator,
                            now,
                            now.plus(Duration.ofHours(1))),
                    staff(attempt.invigilator, attempt.centre));
        } else if (attempt.step == 1) {
            attempt.items = new ArrayList<>();
            List<AttemptStarted.Question> questions = new ArrayList<>();
            while (attempt.items.size() < QUESTIONS) {
                String item = attempt.assessment + "-" + random.nextInt(BANK);
                if (!attempt.items.contains(item)) {
                    attempt.items.add(item);
                    questions.add(new AttemptStarted.Question(
                            "Q" + attempt.items.size(),
                            item,
                            "Which of these is the safe way to lift a vehicle on a two-post ramp, item " + item + "?",
                            List.of(
                                    new AttemptStarted.Option("A", 2, "Use the manufacturer's lifting points"),
                                    new AttemptStarted.Option("B", 0, "Lift under the sills anywhere"),
                                    new AttemptStarted.Option("C", 3, "Lift by the suspension arms"),
                                    new AttemptStarted.Option("D", 1, "Lift by the exhaust"))));
                }
            }
            deliver(
                    "Attempt",
                    attempt.attemptId,
                    1,
                    new AttemptStarted(
                            attempt.attemptId,
                            attempt.candidateId,
                            centreId,
                            attempt.assessment,
                            now,
                            now.plus(Duration.ofHours(1)),
                            random.nextLong(),
                            questions),
                    candidate(attempt.number));
        } else if (attempt.step < 2 + ANSWERS) {
            int question = random.nextInt(QUESTIONS);
            deliver(
                    "Attempt",
                    attempt.attemptId,
                    attempt.step,
                    new AnswerChosen(
                            attempt.attemptId,
                            attempt.candidateId,
                            centreId,
                            "Q" + (question + 1),
                            attempt.items.get(question),
                            "A",
                            2,
                            null,
                            now),
                    candidate(attempt.number));
        } else {
            List<AttemptSubmitted.Mark> marks = new ArrayList<>();
            for (int q = 0; q < QUESTIONS; q++) {
                marks.add(new AttemptSubmitted.Mark("Q" + (q + 1), attempt.items.get(q), "A", 2, 4, q % 3 == 0));
            }
            deliver(
                    "Attempt",
                    attempt.attemptId,
                    attempt.step,
                    new AttemptSubmitted(
                            attempt.attemptId,
                            attempt.candidateId,
                            centreId,
                            "LV3",
                            attempt.assessment,
                            SubmittedBy.CANDIDATE,
                            now,
                            now,
                            now,
                            10,
                            QUESTIONS,
                            33.3,
                            60,
                            Outcome.FAIL,
                            marks,
                            AttemptSubmitted.AnswerChanges.NONE),
                    candidate(attempt.number));
            running.remove(attempt);
            return;
        }
        attempt.step++;
    }

    private void deliver(String type, String aggregateId, long sequence, Object payload, Map<String, ?> metadata) {
        position++;
        projection.on(
                new GenericDomainEventMessage<>(
                        type,
                        aggregateId,
                        sequence,
                        payload,
                        MetaData.from(metadata),
                        "event-" + position,
                        timeAt(position)),
                new GlobalSequenceTrackingToken(position));
    }

    private int centre() {
        double r = random.nextDouble();
        for (int i = 0; i < CENTRES; i++) {
            r -= centreWeights[i];
            if (r <= 0) {
                return i;
            }
        }
        return CENTRES - 1;
    }

    private static Instant timeAt(long position) {
        return START.plus(STEP.multipliedBy(position));
    }

    private static String centreId(int centre) {
        return "centre-" + centre;
    }

    private static String adminPin(int centre) {
        return String.format("1%07d", centre);
    }

    private static String invigilatorPin(int centre, int which) {
        return String.format("2%06d%d", centre, which);
    }

    private static Map<String, Object> staff(String pin, int centre) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR_USER_ID, "u-" + pin);
        metadata.put(AuditMetadata.ACTOR_PIN, pin);
        metadata.put(AuditMetadata.ACTOR_ROLES, List.of("INVIGILATOR"));
        metadata.put(AuditMetadata.ACTOR_CENTRE_ID, centreId(centre));
        metadata.put(AuditMetadata.CORRELATION_ID, java.util.UUID.randomUUID().toString());
        metadata.put(AuditMetadata.CLIENT_ADDRESS, "192.0.2." + (centre % 250));
        return metadata;
    }

    private static Map<String, Object> candidate(String number) {
        return Map.of(
                AuditMetadata.ACTOR_REGISTRATION_NUMBER,
                number,
                AuditMetadata.CORRELATION_ID,
                java.util.UUID.randomUUID().toString(),
                AuditMetadata.CLIENT_ADDRESS,
                "198.51.100.7");
    }

    // ---- the measurements -------------------------------------------------------------------------------

    private Instant randomInstant(Duration windowLength) {
        long span = STEP.multipliedBy(EVENTS).minus(windowLength).toMillis();
        return START.plusMillis((long) (random.nextDouble() * span));
    }

    private String randomStaffPin() {
        int centre = centre();
        return random.nextInt(3) == 0 ? adminPin(centre) : invigilatorPin(centre, random.nextInt(2));
    }

    private long[] measure(String name, IntFunction<Integer> query) {
        return measure(name, WARM_UP, MEASURED, query);
    }

    private long[] measure(String name, int warmUp, int measured, IntFunction<Integer> query) {
        for (int i = 0; i < warmUp; i++) {
            query.apply(i);
        }
        long[] times = new long[measured];
        long answered = 0;
        for (int i = 0; i < measured; i++) {
            long began = System.nanoTime();
            answered += query.apply(i);
            times[i] = System.nanoTime() - began;
        }
        Arrays.sort(times);
        long[] f = {
            times[measured / 2], times[(int) Math.ceil(measured * 0.99) - 1], times[measured - 1], answered / measured
        };
        figures.put(name, f);
        progress(String.format("%-52s %8.1f %8.1f %8.1f %10d", name, f[0] / 1e6, f[1] / 1e6, f[2] / 1e6, f[3]));
        return f;
    }

    private long[] timeline(String name, IntFunction<ListTimeline> query) {
        return measure(name, i -> {
            @SuppressWarnings("unchecked")
            Page<AuditEvent> page = projection.handle(query.apply(i));
            return page.items().size();
        });
    }

    private long[] blast(String name, IntFunction<FindBlastRadius> query) {
        return measure(
                name,
                i -> projection.handle(query.apply(i)).candidates().stream()
                        .mapToInt(affected -> affected.events().size())
                        .sum());
    }

    private static final long LIMIT = 200_000_000L;

    @Test
    @Order(1)
    void timelinePages() {
        assertThat(new AuditLog(jdbc).count()).isEqualTo(EVENTS);
        List<long[]> required = List.of(
                timeline(
                        "timeline, no filter, pages 0-99 of 50",
                        i -> new ListTimeline(null, null, null, null, random.nextInt(100), 50)),
                timeline(
                        "timeline, one staff PIN, page 0 of 50",
                        i -> new ListTimeline(randomStaffPin(), null, null, null, 0, 50)),
                timeline(
                        "timeline, one centre, pages 0-9 of 50",
                        i -> new ListTimeline(null, centreId(centre()), null, null, random.nextInt(10), 50)),
                timeline(
                        "timeline, biggest centre, pages 0-9 of 50",
                        i -> new ListTimeline(null, centreId(0), null, null, random.nextInt(10), 50)),
                timeline("timeline, one day, page 0 of 50", i -> {
                    Instant from = randomInstant(DAY);
                    return new ListTimeline(null, null, from, from.plus(DAY), 0, 50);
                }),
                timeline("timeline, one week, page 0 of 50", i -> {
                    Instant from = randomInstant(WEEK);
                    return new ListTimeline(null, null, from, from.plus(WEEK), 0, 50);
                }),
                timeline("timeline, centre and week, page 0 of 50", i -> {
                    Instant from = randomInstant(WEEK);
                    return new ListTimeline(null, centreId(centre()), from, from.plus(WEEK), 0, 50);
                }),
                timeline("timeline, biggest centre and week, page 0 of 50", i -> {
                    Instant from = randomInstant(WEEK);
                    return new ListTimeline(null, centreId(0), from, from.plus(WEEK), 0, 50);
                }),
                timeline("timeline, PIN and week, page 0 of 50", i -> {
                    Instant from = randomInstant(WEEK);
                    return new ListTimeline(randomStaffPin(), null, from, from.plus(WEEK), 0, 50);
                }),
                timeline("timeline, PIN and centre, page 0 of 50", i -> {
                    int centre = centre();
                    return new ListTimeline(invigilatorPin(centre, 0), centreId(centre), null, null, 0, 50);
                }));
        timeline("(informative) timeline, 30 days, page 0 of 50", i -> {
            Instant from = randomInstant(Duration.ofDays(30));
            return new ListTimeline(null, null, from, from.plus(Duration.ofDays(30)), 0, 50);
        });
        timeline(
                "(informative) timeline, whole year, page 0 of 50",
                i -> new ListTimeline(null, null, START, START.plus(Duration.ofDays(400)), 0, 50));
        timeline(
                "(informative) timeline, no filter, any page of 50",
                i -> new ListTimeline(null, null, null, null, random.nextInt(EVENTS / 50), 50));
        timeline(
                "(informative) timeline, biggest centre, any page of 50",
                i -> new ListTimeline(null, centreId(0), null, null, random.nextInt(2_400), 50));
        timeline("(informative) timeline, one week, any page of 50", i -> {
            Instant from = randomInstant(WEEK);
            return new ListTimeline(null, null, from, from.plus(WEEK), random.nextInt(400), 50);
        });
        assertThat(required).allSatisfy(f -> assertThat(f[1]).isLessThanOrEqualTo(LIMIT));
    }

    @Test
    @Order(2)
    void blastRadius() {
        List<long[]> required = List.of(
                blast(
                        "blast radius, invigilator, all time",
                        i -> new FindBlastRadius(
                                LinkKind.INVIGILATOR, invigilatorPin(centre(), random.nextInt(2)), null, null)),
                blast("blast radius, invigilator, 30 days", i -> {
                    Instant from = randomInstant(Duration.ofDays(30));
                    return new FindBlastRadius(
                            LinkKind.INVIGILATOR,
                            invigilatorPin(centre(), random.nextInt(2)),
                            from,
                            from.plus(Duration.ofDays(30)));
                }),
                blast("blast radius, item, 30 days", i -> {
                    Instant from = randomInstant(Duration.ofDays(30));
                    return new FindBlastRadius(
                            LinkKind.ITEM,
                            "AS" + random.nextInt(ASSESSMENTS) + "-" + random.nextInt(BANK),
                            from,
                            from.plus(Duration.ofDays(30)));
                }),
                blast("blast radius, assessment, one day", i -> {
                    Instant from = randomInstant(DAY);
                    return new FindBlastRadius(
                            LinkKind.ASSESSMENT, "AS" + random.nextInt(ASSESSMENTS), from, from.plus(DAY));
                }),
                blast("blast radius, centre, one week", i -> {
                    Instant from = randomInstant(WEEK);
                    return new FindBlastRadius(LinkKind.CENTRE, centreId(centre()), from, from.plus(WEEK));
                }));
        blast(
                "(informative) blast radius, item, all time",
                i -> new FindBlastRadius(
                        LinkKind.ITEM, "AS" + random.nextInt(ASSESSMENTS) + "-" + random.nextInt(BANK), null, null));
        blast("(informative) blast radius, biggest centre, one week", i -> {
            Instant from = randomInstant(WEEK);
            return new FindBlastRadius(LinkKind.CENTRE, centreId(0), from, from.plus(WEEK));
        });
        assertThat(required).allSatisfy(f -> assertThat(f[1]).isLessThanOrEqualTo(LIMIT));
    }
}
