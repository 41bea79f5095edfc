package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;

/**
 * The investigators' "state at an instant" for a record with 1,000 events must answer in under 100 ms. On the
 * embedded default, through HTTP as a client sees it: one candidate registered, then amended 999 times (first
 * name and ULN in turn, each with a reason); then 200 state requests at instants early, midway and at the end of
 * its history, and 200 requests for its events, timed at the client after a warm-up. Not part of the test suite;
 * run it with
 * {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=StateReconstructionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It writes its figures to {@code api/target/state-reconstruction-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class StateReconstructionBenchmark {

    private static final int EVENTS = 1_000;
    private static final int REQUESTS = 200;
    private static final int WARM_UP = 100;
    private static final String[] FIRST_NAMES = {"Alexandra", "Alexander"};
    private static final String[] ULNS = {uln("123456789"), uln("234567891")};

    @Test
    void stateOfARecordWithOneThousandEvents() throws IOException {
        Path dataDir = Files.createDirectories(
                Path.of("target", "state-benchmark-data").toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of())) {
            HttpClientForTests http = app.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            String centreId = http.post(
                            "/api/centres",
                            admin,
                            Map.of(
                                    "name",
                                    "Benchmark centre",
                                    "address",
                                    "1 Test Street",
                                    "contactEmail",
                                    "office@state-bench.example"))
                    .json()
                    .get("centreId")
                    .asText();
            http.post(
                    "/api/centres/" + centreId + "/approve",
                    admin,
                    Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false));
            var registered = http.post(
                    "/api/centres/" + centreId + "/candidates",
                    admin,
                    Map.of(
                            "firstName",
                            "Alexandra",
                            "lastName",
                            "Benchmark",
                            "dateOfBirth",
                            "2001-02-03",
                            "qualificationCode",
                            "LV2-MAINT"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String candidateId = registered.json().get("candidateId").asText();

            long amendingStarted = System.nanoTime();
            for (int n = 1; n < EVENTS; n++) {
                // first name and ULN in turn, each time to the value it does not have now
                Map<String, String> amendment = n % 2 == 1
                        ? Map.of(
                                "field",
                                "FIRST_NAME",
                                "value",
                                FIRST_NAMES[(n / 2 + 1) % 2],
                                "reason",
                                "Benchmark amendment " + n)
                        : Map.of("field", "ULN", "value", ULNS[(n / 2 + 1) % 2], "reason", "Benchmark amendment " + n);
                var amended = http.post("/api/candidates/" + candidateId + "/amendments", admin, amendment);
                assertThat(amended.status()).as("amendment %d: %s", n, amended).isEqualTo(200);
            }
            double amendingSeconds = (System.nanoTime() - amendingStarted) / 1e9;

            String path = "/api/audit/records/candidate/" + candidateId;
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        var events = http.get(path + "/events", admin);
                        return events.status() == 200 && events.json().size() == EVENTS;
                    });
            JsonNode events = http.get(path + "/events", admin).json();
            Map<String, String> instants = new LinkedHashMap<>();
            instants.put("early (after event 10)", events.get(9).get("at").asText());
            instants.put("midway (after event 500)", events.get(499).get("at").asText());
            instants.put(
                    "latest (event 1,000)", events.get(EVENTS - 1).get("at").asText());
            Map<String, Long> expectedSequence = Map.of(
                    "early (after event 10)",
                    9L,
                    "midway (after event 500)",
                    499L,
                    "latest (event 1,000)",
                    (long) EVENTS - 1);

            List<String> kinds = new ArrayList<>(instants.keySet());
            for (int i = 0; i < WARM_UP; i++) { // the JIT compiles the path first: not counted
                http.get(path + "/state?asOf=" + enc(instants.get(kinds.get(i % kinds.size()))), admin);
                http.get(path + "/events", admin);
            }
            Map<String, List<Double>> stateMs = new LinkedHashMap<>();
            kinds.forEach(kind -> stateMs.put(kind, new ArrayList<>()));
            List<Double> allStates = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String kind = kinds.get(i % kinds.size());
                long started = System.nanoTime();
                var state = http.get(path + "/state?asOf=" + enc(instants.get(kind)), admin);
                double ms = (System.nanoTime() - started) / 1e6;
                assertThat(state.status()).as(state.toString()).isEqualTo(200);
                assertThat(state.json().get("sequence").asLong()).as(kind).isEqualTo(expectedSequence.get(kind));
                stateMs.get(kind).add(ms);
                allStates.add(ms);
            }
            List<Double> eventsMs = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long started = System.nanoTime();
                var all = http.get(path + "/events", admin);
                eventsMs.add((System.nanoTime() - started) / 1e6);
                assertThat(all.json().size()).isEqualTo(EVENTS);
            }

            StringBuilder report = new StringBuilder("# State reconstruction benchmark\n\n")
                    .append(String.format(
                            Locale.ROOT,
                            "One candidate with %,d events (registration and %,d "
                                    + "amendments, made through HTTP in %.1f s). %d requests each, timed at the client "
                                    + "after %d warm-up rounds.%n%n",
                            EVENTS,
                            EVENTS - 1,
                            amendingSeconds,
                            REQUESTS,
                            WARM_UP))
                    .append("| request | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
            stateMs.forEach((kind, ms) -> report.append(row("`state?asOf=` " + kind, ms)));
            report.append(row("`state?asOf=`, all of the above", allStates))
                    .append(row("`events` (all 1,000)", eventsMs));
            Files.writeString(Path.of("target", "state-reconstruction-benchmark.md"), report);
            System.out.println(report);

            assertThat(percentile(allStates, 99)).as("state p99 (ms)").isLessThan(100.0);
        }
    }

    /** A valid ULN: the nine digits given and their check digit. */
    private static String uln(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        if (remainder == 0) {
            throw new IllegalArgumentException(nine + " has no check digit");
        }
        return nine + (10 - remainder) % 10;
    }

    private static String row(String name, List<Double> ms) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                name,
                ms.size(),
                percentile(ms, 50),
                percentile(ms, 95),
                percentile(ms, 99),
                ms.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
