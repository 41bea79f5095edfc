package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.api.BenchmarkFigures.met;
import static org.awardinghub.api.BenchmarkFigures.secondsSince;
import static org.awardinghub.api.ScaleBenchmark.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.awardinghub.api.HttpClientForTests.Response;
import org.awardinghub.api.ScaleBenchmark.Generation;
import org.awardinghub.api.ScaleBenchmark.Hub;
import org.awardinghub.api.ScaleBenchmark.Settings;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The investigations of issue 20 at the size of a busy year, each figure beside a baseline measured in the same run
 * on the same data (these machines are noisy):
 * <ol>
 *   <li>the history of {@link ScaleBenchmark} ({@code scale.events}, 1,000,000 events, {@code scale.candidates}
 *       candidates), appended straight into the event store; then only the processors the investigations read
 *       ({@link #READ}) catch up from zero, the others staying stopped;</li>
 *   <li>every ready-made rule run over the whole history through {@code POST /api/investigations/rule-runs} (target:
 *       under 10 s each), beside one plain scan of the audit log's rows reading every payload, the floor any pass
 *       over the history stands on;</li>
 *   <li>each regulator return, for each quarter of the history as of the quarter's end and as of now (target: under
 *       2 s), regenerated to check the bytes are the same, beside the live compliance report over the same
 *       period;</li>
 *   <li>the provenance of certificates drawn at random (target: under 200 ms), beside the audit history of the
 *       same certificates' candidates.</li>
 * </ol>
 * Timed at the client, over HTTP, on the warm application (each request once before it is timed). Not part of the
 * test suite; run it with {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=InvestigationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} ({@code -Dscale.events=100000 -Dscale.candidates=10000} for a
 * quick run; the {@code scale.*} options of {@link ScaleBenchmark} apply, and {@code investigation.samples} (100)
 * sets how many certificates are traced). Figures go to {@code api/target/investigation-benchmark.md} and the output.
 * Targets are stated beside the figures, not asserted: the run fails only when a step cannot complete, or when a
 * return regenerated for the same instant differs.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InvestigationBenchmark {

    private static final Path REPORT = Path.of("target", "investigation-benchmark.md");
    /** The audit log (rules, provenance), the compliance reports (the returns' baseline), the returns' ledger. */
    private static final Set<String> READ = Set.of("audit", "reports", "returns");

    /** The compliance report each return is counted like: the baseline beside it. */
    private static final Map<String, String> LIVE_REPORTS = Map.of(
            "registrations", "late-registrations",
            "pass-rates", "pass-rates",
            "certificates", "claim-turnaround",
            "amendments", "amendments");

    private static final double RULE_TARGET_SECONDS = 10;
    private static final double RETURN_TARGET_SECONDS = 2;
    private static final double PROVENANCE_TARGET_SECONDS = 0.2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder report = new StringBuilder();

    @Test
    void investigations() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path dataDir = settings.dataDir();
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        report.append("# Investigations at scale\n\n")
                .append(settings.markdown())
                .append(String.format(
                        Locale.ROOT,
                        "Machine: %d cores, load average %.1f at the start, %s.%n%n",
                        Runtime.getRuntime().availableProcessors(),
                        ScaleBenchmark.loadAverage(),
                        Runtime.version()));
        try (Hub hub = Hub.start(dataDir)) {
            hub.awaitHead("the first start's own events", hub.eventCount(), settings, Map.of());
            Generation generation = ScaleBenchmark.generate(hub, settings);
            line("History: %,d events stored, generated in %.0f s.", generation.storedEvents(), generation.seconds());
            catchUp(hub, settings);
            hub.signInAgain();
            rules(hub);
            returns(hub);
            provenance(hub);
        } finally {
            write();
            if (!settings.keepData()) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
        }
    }

    /** Only the processors the investigations read, from where they stood before the appends, to the head. */
    private void catchUp(Hub hub, Settings settings) {
        long head = hub.head();
        long started = System.nanoTime();
        Map<String, StreamingEventProcessor> processors = hub.processors();
        processors.forEach((name, processor) -> {
            if (READ.contains(name)) {
                processor.start();
            }
        });
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (String name : READ) {
            StreamingEventProcessor processor = processors.get(name);
            assertThat(processor).as("processor " + name).isNotNull();
            while (hub.position(processor, hub.segments(name)).orElse(-1) < head) {
                if (System.nanoTime() > deadline || processor.isError()) {
                    throw new IllegalStateException(name + " did not reach the head " + head);
                }
                ScaleBenchmark.pause(Duration.ofSeconds(1));
            }
            progress("%s at the head after %.0f s", name, secondsSince(started));
        }
        line("Catch-up of %s from zero: %.0f s.", String.join(", ", READ), secondsSince(started));
    }

    // ---- rules -----------------------------------------------------------------------------------------------------

    private void rules(Hub hub) {
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        // every row to the client, as a rule's pass reads them (an aggregate in SQL would be answered from H2's cache
        // of query results the second time)
        Timing scan = Timing.of(3, () -> {
            long[] characters = new long[1];
            jdbc.query("SELECT global_index, event_type, payload FROM audit_log ORDER BY global_index", row -> {
                characters[0] += row.getString(3).length();
            });
            return characters[0];
        });
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
        section("Rules over the whole history", "rule", "breaches", "events scanned", RULE_TARGET_SECONDS);
        row("baseline: the audit log's %,d rows read in order, every payload".formatted(rows), "", "", scan, false);
        for (JsonNode rule :
                ok(hub.http().get("/api/investigations/rules", hub.admin())).json()) {
            String id = rule.path("id").asText();
            Map<String, Object> body = Map.of("rule", id, "parameters", Map.of());
            JsonNode[] last = new JsonNode[1];
            Timing run = Timing.of(
                    3,
                    () -> last[0] = ok(hub.http().post("/api/investigations/rule-runs", hub.admin(), body))
                            .json());
            row(
                    id,
                    String.format(
                            Locale.ROOT,
                            "%,d",
                            last[0].path("totals").path("breaches").asLong()),
                    String.format(
                            Locale.ROOT, "%,d", last[0].path("eventsScanned").asLong()),
                    run,
                    true);
        }
    }

    // ---- returns ---------------------------------------------------------------------------------------------------

    private void returns(Hub hub) {
        section(
                "Regulator returns as of an instant",
                "return, quarter, as of",
                "figures",
                "same bytes",
                RETURN_TARGET_SECONDS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<JsonNode> codes = new ArrayList<>();
        ok(hub.http().get("/api/returns", hub.admin())).json().path("returns").forEach(codes::add);
        for (JsonNode code : codes) {
            String returnCode = code.path("code").asText();
            for (int quarter = 4; quarter >= 1; quarter--) {
                LocalDate from = today.minusMonths(3L * quarter).withDayOfMonth(1);
                LocalDate to = from.plusMonths(3).minusDays(1);
                String period = "?from=" + from + "&to=" + to;
                Instant quarterEnd = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                for (Instant asOf : List.of(quarterEnd, Instant.now().minus(Duration.ofMinutes(15)))) {
                    String path = "/api/returns/" + returnCode + period + "&asOf=" + asOf;
                    String[] body = new String[1];
                    Timing timing = Timing.of(
                            3,
                            () -> body[0] = ok(hub.http().get(path, hub.admin(), Map.of("Accept", "text/csv")))
                                    .raw()
                                    .body());
                    String again = ok(hub.http().get(path, hub.admin(), Map.of("Accept", "text/csv")))
                            .raw()
                            .body();
                    assertThat(again).as("%s regenerated", path).isEqualTo(body[0]);
                    row(
                            returnCode + ", " + from + " to " + to + ", as of " + asOf,
                            String.valueOf(body[0].lines().count() - 1),
                            "yes",
                            timing,
                            true);
                }
                Instant quarterStart = from.atStartOfDay(ZoneOffset.UTC).toInstant();
                String changes = "/api/returns/" + returnCode + "/changes" + period + "&since=" + quarterStart
                        + "&asOf=" + quarterEnd;
                JsonNode[] changed = new JsonNode[1];
                Timing compared = Timing.of(
                        3,
                        () -> changed[0] =
                                ok(hub.http().get(changes, hub.admin())).json());
                row(
                        returnCode + ", " + from + " to " + to + ", changes over the quarter to its end",
                        String.valueOf(changed[0].path("changes").size()),
                        "",
                        compared,
                        true);
                String live = "/api/reports/" + LIVE_REPORTS.get(returnCode) + period;
                row(
                        "baseline: the live report " + live,
                        "",
                        "",
                        Timing.of(3, () -> ok(hub.http().get(live, hub.admin()))),
                        false);
            }
        }
    }

    // ---- provenance -------------------------------------------------------------------------------------------------

    private void provenance(Hub hub) {
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        int samples = Integer.getInteger("investigation.samples", 100);
        // the generated history bypasses the command side's lookups: the certificates are found in the audit log
        List<String[]> issued = jdbc.query(
                "SELECT payload FROM audit_log WHERE event_type = 'CertificateIssued' ORDER BY global_index",
                (row, n) -> {
                    try {
                        JsonNode payload = JSON.readTree(row.getString(1));
                        return new String[] {
                            payload.path("certificateNumber").asText(),
                            payload.path("claimId").asText(),
                            payload.path("candidateId").asText(),
                            payload.path("centreId").asText(),
                            payload.path("qualificationCode").asText()
                        };
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        List<String[]> certificates = new ArrayList<>();
        for (int i = 0; i < samples && !issued.isEmpty(); i++) {
            String[] certificate = issued.get((int) ((long) i * issued.size() / samples));
            certificates.add(certificate);
            // the row the command side writes in the issue's own transaction, which the appends bypassed
            jdbc.update(
                    "INSERT INTO certificates (certificate_number, claim_id, candidate_id, centre_id,"
                            + " qualification_code, status) VALUES (?, ?, ?, ?, ?, 'VALID')",
                    (Object[]) certificate);
        }
        section("Certificate provenance", "what", "events", "", PROVENANCE_TARGET_SECONDS);
        List<Double> views = new ArrayList<>();
        List<Double> histories = new ArrayList<>();
        long events = 0;
        for (String[] certificate : certificates) {
            String path = "/api/certificates/" + certificate[0] + "/provenance";
            ok(hub.http().get(path, hub.admin()));
            long started = System.nanoTime();
            JsonNode view = ok(hub.http().get(path, hub.admin())).json();
            views.add(secondsSince(started));
            events += view.path("nodes").findValues("globalPosition").size();
            String history = "/api/audit/records/candidate/" + certificate[2] + "/events";
            ok(hub.http().get(history, hub.admin()));
            started = System.nanoTime();
            ok(hub.http().get(history, hub.admin()));
            histories.add(secondsSince(started));
        }
        row("baseline: the candidate's audit history", "", "", Timing.of(histories), false);
        row(
                certificates.size() + " certificates' provenance",
                String.format(Locale.ROOT, "%.1f per view", events / (double) Math.max(1, certificates.size())),
                "",
                Timing.of(views),
                true);
    }

    // ---- the report ------------------------------------------------------------------------------------------------

    private double target;

    private void section(String title, String what, String first, String second, double targetSeconds) {
        target = targetSeconds;
        report.append("\n## ")
                .append(title)
                .append("\n\n")
                .append("| ")
                .append(what)
                .append(" | ")
                .append(first)
                .append(" | ")
                .append(second)
                .append(" | first ms | p50 ms | max ms | target ")
                .append(Math.round(targetSeconds * 1000))
                .append(" ms |\n")
                .append("|---|---|---|---|---|---|---|\n");
    }

    private void row(String what, String first, String second, Timing timing, boolean judged) {
        String line = String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.1f | %.1f | %.1f | %s |",
                what,
                first,
                second,
                timing.cold() * 1000,
                timing.p50() * 1000,
                timing.max() * 1000,
                judged ? met(timing.worst() < target) : "");
        progress("%s", line);
        report.append(line).append('\n');
        write();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        progress("%s", text);
        report.append(text).append("\n\n");
        write();
    }

    private void write() {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    /** Seconds: the first call (cold: caches and query plans not yet warm), then each run after it. */
    private record Timing(double cold, double[] seconds) {

        static Timing of(int runs, Supplier<?> work) {
            long first = System.nanoTime();
            work.get();
            double cold = secondsSince(first);
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                work.get();
                seconds[i] = secondsSince(started);
            }
            return new Timing(cold, seconds);
        }

        static Timing of(List<Double> measured) {
            return new Timing(
                    Double.NaN,
                    measured.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double p50() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
        }

        double max() {
            return Arrays.stream(seconds).max().orElse(Double.NaN);
        }

        /** The slowest call, the first one included. */
        double worst() {
            return Double.isNaN(cold) ? max() : Math.max(cold, max());
        }
    }
}
