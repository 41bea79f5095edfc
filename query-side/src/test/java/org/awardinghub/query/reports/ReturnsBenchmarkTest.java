package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.awardinghub.query.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long a regulator return as of an instant takes on a large ledger in an embedded H2 file database, as the
 * application keeps it, and which index the query uses (ADR 0169). Run when asked for:
 * {@code -Dreturns.benchmark=true [-Dreturns.benchmark.rows=600000]}. Two years of ledger rows, spread over 300
 * centres and 8 qualifications, each row occurring on its day or up to two days after, and one in fifty a late
 * change 30 to 120 days later.
 */
@EnabledIfSystemProperty(named = "returns.benchmark", matches = "true")
class ReturnsBenchmarkTest {

    private static final int ROWS = Integer.getInteger("returns.benchmark.rows", 600_000);
    private static final LocalDate FIRST = LocalDate.parse("2025-01-01");
    private static final LocalDate FROM = LocalDate.parse("2026-04-01");
    private static final LocalDate TO = LocalDate.parse("2026-06-30");

    @Test
    void givenALargeLedger_whenAReturnIsAskedForAsOfAnInstant_thenItAnswersWellInsideTwoSeconds() throws Exception {
        Path directory = Files.createTempDirectory("returns-benchmark");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("returns") + ";DB_CLOSE_ON_EXIT=FALSE", true);
        try {
            Migrations.apply(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long started = System.nanoTime();
            fill(jdbc);
            System.out.printf("returns benchmark: %,d ledger rows written in %,d ms%n", ROWS, millis(started));
            ReturnsLedger ledger = new ReturnsLedger(jdbc);
            Instant asOf = TO.plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (RegulatorReturn kind : RegulatorReturn.values()) {
                FetchRegulatorReturn query = new FetchRegulatorReturn(kind, FROM, TO, asOf, null);
                ReturnFigures first = ledger.handle(query);
                long[] times = new long[5];
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    assertThat(ledger.handle(query)).isEqualTo(first);
                    times[i] = millis(start);
                }
                Arrays.sort(times);
                System.out.printf(
                        "returns benchmark: %s for a quarter as of %s, %d centre rows: median %d ms, worst %d ms%n",
                        kind.code(), asOf, first.centres().size(), times[2], times[4]);
                assertThat(times[4]).isLessThan(2_000);
            }
            FetchReturnChanges compare = new FetchReturnChanges(
                    RegulatorReturn.REGISTRATIONS, FROM, TO, asOf, asOf.plus(Duration.ofDays(90)), null);
            ReturnChanges changes = ledger.handle(compare);
            long[] times = new long[5];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                assertThat(ledger.handle(compare)).isEqualTo(changes);
                times[i] = millis(start);
            }
            Arrays.sort(times);
            System.out.printf(
                    "returns benchmark: registrations changes over the next 90 days: %d figures, %d events,"
                            + " median %d ms, worst %d ms%n",
                    changes.changes().size(), changes.events(), times[2], times[4]);
            assertThat(times[4]).isLessThan(2_000);
            jdbc.queryForList(
                            "EXPLAIN SELECT centre_id, measure, delta FROM return_ledger WHERE return_code = ?"
                                    + " AND period_day >= ? AND period_day <= ? AND occurred_at > ?"
                                    + " AND occurred_at <= ?",
                            String.class,
                            "registrations",
                            Date.valueOf(FROM),
                            Date.valueOf(TO),
                            asOf.toEpochMilli(),
                            asOf.plus(Duration.ofDays(90)).toEpochMilli())
                    .forEach(plan -> System.out.println("returns benchmark plan: " + plan.replace('\n', ' ')));
            jdbc.queryForList(
                            "EXPLAIN SELECT centre_id, qualification_code, assessment_code, measure, SUM(delta)"
                                    + " FROM return_ledger WHERE return_code = ? AND period_day >= ?"
                                    + " AND period_day <= ? AND occurred_at <= ?"
                                    + " GROUP BY centre_id, qualification_code, assessment_code, measure",
                            String.class,
                            "registrations",
                            Date.valueOf(FROM),
                            Date.valueOf(TO),
                            asOf.toEpochMilli())
                    .forEach(plan -> System.out.println("returns benchmark plan: " + plan.replace('\n', ' ')));
        } finally {
            dataSource.destroy();
        }
    }

    @Test
    void givenAGeneratedHistory_whenTheProcessorReadsItInBatches_thenEventsPerSecond() throws Exception {
        Path directory = Files.createTempDirectory("returns-replay");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("returns") + ";DB_CLOSE_ON_EXIT=FALSE", true);
        try {
            Migrations.apply(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<org.awardinghub.query.History.Recorded> events = new ReturnsHistory(
                            7, FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .candidates(
                            Integer.getInteger("returns.benchmark.candidates", 10_000),
                            TO.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .events();
            org.awardinghub.query.Processor returns =
                    new org.awardinghub.query.Processor(new ReturnsLedger(jdbc), new ReturnsLedgerProgress(jdbc));
            long started = System.nanoTime();
            returns.deliverInBatches(events, 200);
            long took = millis(started);
            System.out.printf(
                    "returns benchmark: %,d events read into %,d ledger rows in %,d ms (%,d events/s)%n",
                    events.size(),
                    jdbc.queryForObject("SELECT COUNT(*) FROM return_ledger", Long.class),
                    took,
                    events.size() * 1000L / Math.max(1, took));
        } finally {
            dataSource.destroy();
        }
    }

    /** The ledger's rows, in batches, each a plausible change of one return's figure. */
    private static void fill(JdbcTemplate jdbc) {
        Random random = new Random(169);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(FIRST, LocalDate.parse("2026-12-31"));
        // registrations and marks are most of a history; claims and amendments fewer
        RegulatorReturn[] weighted = {
            RegulatorReturn.REGISTRATIONS, RegulatorReturn.REGISTRATIONS, RegulatorReturn.REGISTRATIONS,
            RegulatorReturn.REGISTRATIONS, RegulatorReturn.PASS_RATES, RegulatorReturn.PASS_RATES,
            RegulatorReturn.PASS_RATES, RegulatorReturn.PASS_RATES, RegulatorReturn.CERTIFICATES,
            RegulatorReturn.AMENDMENTS
        };
        List<Object[]> batch = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            RegulatorReturn kind = weighted[random.nextInt(weighted.length)];
            LocalDate day = FIRST.plusDays(random.nextInt(days));
            long occurred = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    + (long) random.nextInt(2 * 86_400) * 1000
                    + (random.nextInt(50) == 0 ? (30L + random.nextInt(90)) * 86_400_000 : 0);
            String qualification = "Q" + random.nextInt(8);
            batch.add(new Object[] {
                kind.code(),
                Date.valueOf(day),
                occurred,
                "centre-" + random.nextInt(300),
                qualification,
                kind.perAssessment() ? qualification + "-" + random.nextInt(3) : "",
                kind.measures().get(random.nextInt(kind.measures().size())),
                random.nextInt(20) == 0 ? -1 : 1,
                (long) row + 1,
                "event-" + row,
                "CandidateRegistered",
                "candidate",
                "k" + random.nextInt(ROWS),
                "1" + (1_000_000 + random.nextInt(8_000_000))
            });
            if (batch.size() == 5_000) {
                insert(jdbc, batch);
            }
        }
        insert(jdbc, batch);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "INSERT INTO return_ledger (return_code, period_day, occurred_at, centre_id, qualification_code,"
                        + " assessment_code, measure, delta, global_position, event_id, event_type, record_type,"
                        + " record_id, actor_pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
