package org.awardinghub.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.awardinghub.api.RawHttp;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.events.user.SignInFailed;
import org.awardinghub.events.user.UserLockedOut;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based fuzzing of every endpoint of the running application (issue 15). Whatever a client sends, and
 * however it is malformed, the application
 *
 * <ul>
 *   <li>never answers with a server error: no status of 500 or more, except 503 with {@code Retry-After} (busy, ask
 *       again later);
 *   <li>answers every error as an RFC 9457 problem: {@code application/problem+json} whose {@code status} is the
 *       response's, with a {@code type} and a {@code title};
 *   <li>writes nothing for a request it refuses: no event in the store carries the correlation id of a request
 *       answered 4xx, so the store's count of events is what it was before it.
 * </ul>
 *
 * <p>The endpoints are read from Spring's handler mapping, so a new one is fuzzed without being listed; the requests
 * are made by {@link Requests} and sent byte for byte ({@link RawHttp}). 1,000 requests with a fixed seed in the
 * suite; {@code -Dfuzz.tries=20000 -Dfuzz.seed=7 -Dfuzz.keepGoing=true} for a long run that lists every violation
 * instead of stopping at the first. Each run writes its figures to {@code target/fuzz-report.md}.
 */
class EndpointFuzzTest {

    private static final String SIGN_IN = "/api/auth/login";
    /** The OAuth 2.0 token endpoint: a sign-in too, whose 400s are RFC 6749 error objects, not problems (ADR 0152). */
    private static final String TOKEN = "/api/auth/token";

    /**
     * The one refusal that is recorded, by design (docs/security.md, "Sign-in"): a wrong password for a known PIN is
     * kept as the user's {@code SignInFailed}, and the failure that locks the PIN as {@code UserLockedOut}.
     */
    private static final List<String> RECORDED_WHEN_SIGN_IN_REFUSED =
            List.of(SignInFailed.class.getName(), UserLockedOut.class.getName());

    static final int DEFAULT_TRIES = 1_000;
    static final String DEFAULT_SEED = "20261206";

    private static RunningApplication app;
    private static Fixture fixture;
    private static List<Endpoint> endpoints;
    private static JdbcTemplate jdbc;
    private static RawHttp raw;

    private static final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private static final Map<Integer, Integer> statuses = new TreeMap<>();
    private static int sent;

    @BeforeContainer
    static void start() throws IOException {
        Path parent = Files.createDirectories(Path.of("target", "test-data").toAbsolutePath());
        Map<String, String> settings = new LinkedHashMap<>();
        // one client address sends everything: the per-address limits are tried elsewhere (SignInAbuseTest)
        settings.put("awarding.security.sign-in-failures-per-minute", "1000000");
        settings.put("awarding.security.password-resets-per-minute", "1000000");
        settings.put("awarding.security.reset-resend-after", "0s");
        settings.put("awarding.certification.verify-per-minute", "1000000");
        settings.put("awarding.security.failed-sign-in-answer-time", "20ms");
        // Tomcat logs the first request it cannot parse with its stack trace: here, that is every run
        settings.put("logging.level.org.apache.coyote.http11.Http11Processor", "warn");
        app = RunningApplication.start(Files.createTempDirectory(parent, "fuzz-"), settings);
        jdbc = app.bean(JdbcTemplate.class);
        raw = new RawHttp(Integer.parseInt(port()));
        fixture = Fixture.create(app);
        endpoints = Endpoint.all(app.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
    }

    private static String port() {
        return app.bean(Environment.class).getProperty("local.server.port");
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Requests.any(endpoints, fixture);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(RunSettings.class)
    void whateverIsSent_theAnswerIsNoServerError_anErrorIsAProblem_andARefusalWritesNothing(
            @ForAll("requests") FuzzRequest request) {
        long lastEvent = lastEvent();
        RawHttp.Response response;
        try {
            response = send(request);
        } catch (UncheckedIOException | IllegalStateException e) {
            fail(request, null, List.of("no answer: " + e.getMessage()));
            return;
        }
        synchronized (statuses) {
            statuses.merge(response.status(), 1, Integer::sum);
            sent++;
        }
        List<String> faults = new ArrayList<>();
        int status = response.status();
        if (status >= 500 && !(status == 503 && response.header("Retry-After") != null)) {
            faults.add("a server error (" + status + ")");
        }
        // the token endpoint's own refusals; what is refused before it (the firewall, a wildcard type) is a problem
        if (status == 400
                && request.target().startsWith(TOKEN)
                && String.valueOf(response.header("Content-Type")).startsWith("application/json")) {
            if (response.json().path("error").asText().isBlank()) {
                faults.add("a token refusal that is not an RFC 6749 error: no error code");
            }
        } else if (status >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                faults.add("an error that is not a problem: Content-Type " + type);
            } else if (!"HEAD".equals(request.method())) {
                JsonNode problem = response.json();
                if (problem.path("status").asInt() != status) {
                    faults.add("a problem whose status is " + problem.path("status") + ", not " + status);
                }
                if (problem.path("title").asText().isBlank()
                        || problem.path("type").asText().isBlank()) {
                    faults.add("a problem without its type or title");
                }
            }
        }
        if (status >= 400 && status < 500) {
            List<String> written = writtenFor(lastEvent, response.header("X-Correlation-Id"));
            if (request.target().startsWith(SIGN_IN) || request.target().startsWith(TOKEN)) {
                written.removeAll(RECORDED_WHEN_SIGN_IN_REFUSED);
            }
            if (!written.isEmpty()) {
                faults.add("refused, yet it wrote " + written.size() + " event(s): " + written);
            }
        }
        if (status == 204 && request.target().startsWith("/api/auth/logout")) {
            fixture.signInAgain(request.caller());
        }
        if (!faults.isEmpty()) {
            fail(request, response, faults);
        }
    }

    private static RawHttp.Response send(FuzzRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = fixture.token(request.caller());
        if (token != null && !request.headers().containsKey("Authorization")) {
            headers.put("Authorization", "Bearer " + token);
        }
        headers.putAll(request.headers());
        return raw.send(request.method(), request.target(), headers, request.body());
    }

    private static void fail(FuzzRequest request, RawHttp.Response response, List<String> faults) {
        String report = "The request\n" + request + "was answered with " + String.join("; ", faults) + "\nAnswer: "
                + (response == null ? "none" : FuzzRequest.visible(response.toString()));
        if (RunSettings.keepGoing()) {
            violations.add(report);
        } else {
            throw new AssertionError(report);
        }
    }

    private static long lastEvent() {
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * The types of the events stored since {@code after} under the request's correlation id (every event of a
     * request carries it, including those of the policies it sets off); with none, every event stored since.
     */
    private static List<String> writtenFor(long after, String correlationId) {
        List<String> written = new ArrayList<>();
        jdbc.query(
                "SELECT payload_type, meta_data FROM domain_event_entry WHERE global_index > ? ORDER BY global_index",
                row -> {
                    String metadata = new String(row.getBytes("meta_data"), StandardCharsets.UTF_8);
                    if (correlationId == null || metadata.contains("\"" + correlationId + "\"")) {
                        written.add(row.getString("payload_type"));
                    }
                },
                after);
        return written;
    }

    /**
     * The run's tries and seed, from {@code -Dfuzz.tries} and {@code -Dfuzz.seed} (1,000 and a fixed seed by default,
     * so the suite sends the same requests every time); with {@code -Dfuzz.keepGoing=true} every violation is
     * collected and the run fails at its end listing them all. Writes the run's figures to target/fuzz-report.md.
     */
    static class RunSettings implements AroundPropertyHook {

        static boolean keepGoing() {
            return Boolean.getBoolean("fuzz.keepGoing");
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            int tries = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
            String seed = System.getProperty("fuzz.seed", DEFAULT_SEED);
            context.attributes().setTries(tries);
            context.attributes().setSeed(seed);
            long began = System.nanoTime();
            PropertyExecutionResult result = property.execute();
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            report(tries, seed, took, result);
            if (!violations.isEmpty() && result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
                return result.mapToFailed(
                        violations.size() + " request(s) answered wrongly:\n\n" + String.join("\n\n", violations));
            }
            return result;
        }

        private static void report(int tries, String seed, Duration took, PropertyExecutionResult result) {
            String text =
                    "| endpoints | requests | seed | took | statuses | violations |\n|---|---|---|---|---|---|\n| "
                            + endpoints.size() + " | " + sent + " of " + tries + " | " + seed + " | " + took.toSeconds()
                            + " s | " + statuses + " | "
                            + (violations.isEmpty() && result.status() == PropertyExecutionResult.Status.SUCCESSFUL
                                    ? "0"
                                    : violations.isEmpty() ? "the run stopped at the first" : violations.size())
                            + " |\n";
            try {
                Files.writeString(Path.of("target", "fuzz-report.md"), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
