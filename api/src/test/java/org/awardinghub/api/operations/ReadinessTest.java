package org.awardinghub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AwardingHubApplication;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The web server listens before the start-up work is done (the bootstrap administrator, the sample catalogue): until
 * it is, readiness is down and the API answers 503 with {@code Retry-After}, where it answered a sign-in with 401 as
 * if the administrator's password were wrong. Start-up work is held here by a runner of the test's own, ordered last.
 */
class ReadinessTest {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Not a configuration class, so that no component scan finds it: only this test adds it. */
    static class HeldStart {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner heldUntilReleased() {
            return arguments -> RELEASE.await(2, TimeUnit.MINUTES);
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void givenStartUpWorkNotDone_whenAsked_thenNotReadyAnd503_andOnceDoneReadyAndSigningIn() throws Exception {
        AtomicInteger port = new AtomicInteger();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(AwardingHubApplication.class, HeldStart.class)
                        .listeners(event -> {
                            if (event instanceof WebServerInitializedEvent web) {
                                port.set(web.getWebServer().getPort());
                            }
                        })
                        .run(RunningApplication.arguments(dataDir, Map.of())));
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> port.get() > 0 || started.isDone());
            HttpClientForTests http = new HttpClientForTests(port.get());
            Map<String, String> admin =
                    Map.of("pin", ApplicationTest.ADMIN_PIN, "password", ApplicationTest.ADMIN_PASSWORD);

            var readiness = http.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            var early = http.post("/api/auth/login", null, admin);
            assertThat(early.status()).as(early.toString()).isEqualTo(503);
            assertThat(early.contentType()).startsWith("application/problem+json");
            assertThat(early.header("Retry-After")).isEqualTo("2");

            RELEASE.countDown();
            started.get(2, TimeUnit.MINUTES);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
            assertThat(http.post("/api/auth/login", null, admin).status()).isEqualTo(200);
        } finally {
            RELEASE.countDown();
            started.get(2, TimeUnit.MINUTES).close();
        }
    }
}
