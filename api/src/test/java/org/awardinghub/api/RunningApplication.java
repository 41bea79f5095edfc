package org.awardinghub.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A whole application started and stopped by a test, for restarts and other stores. Its clock runs
 * {@value #CLOCK_OFFSET} ahead of the machine's (none unless given), so that a restart can happen "later".
 */
public final class RunningApplication implements AutoCloseable {

    public static final String CLOCK_OFFSET = "awarding.test.clock-offset";

    /** Not a configuration class, so that no component scan finds it: only {@link #start} adds it. */
    static class OffsetClock {
        @Bean
        @Primary
        Clock offsetClock(@Value("${" + CLOCK_OFFSET + ":0s}") Duration offset) {
            return Clock.offset(Clock.systemUTC(), offset);
        }
    }

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * For benchmarks: the application's classes, loaded after this call, run as in production, without the Java
     * assertions that the test runner turns on. With them H2 measures its whole file on every commit (an assertion
     * in its file store, a loop over every chunk), which profiling found to be a tenth of a request's time. Call it
     * before anything loads H2, from the benchmark's static initialiser.
     */
    public static void withoutAssertions() {
        RunningApplication.class.getClassLoader().setDefaultAssertionStatus(false);
    }

    public static RunningApplication start(Path dataDir, Map<String, String> extra, String... profiles) {
        return new RunningApplication(new SpringApplicationBuilder(AwardingHubApplication.class, OffsetClock.class)
                .profiles(profiles)
                .run(arguments(dataDir, extra)));
    }

    /**
     * The settings {@link #start} gives, as command-line arguments (they outrank application.properties, as an
     * operator's settings would): for a test that builds the application itself.
     */
    public static String[] arguments(Path dataDir, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("awarding.data-dir", dataDir.toString());
        properties.put("awarding.bootstrap.admin-pin", ApplicationTest.ADMIN_PIN);
        properties.put("awarding.bootstrap.admin-password", ApplicationTest.ADMIN_PASSWORD);
        properties.put("awarding.security.bcrypt-cost", "10");
        properties.put("awarding.security.failed-sign-in-answer-time", "150ms");
        properties.putAll(extra);
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    public HttpClientForTests http() {
        return new HttpClientForTests(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** The data directory it runs on: where the embedded default delivers its emails, among its stores. */
    public Path dataDir() {
        return Path.of(context.getEnvironment().getProperty("awarding.data-dir"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of that name, where several of one type exist. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
