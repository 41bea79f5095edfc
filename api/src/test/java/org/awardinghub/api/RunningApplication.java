package org.awardinghub.api;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole application started and stopped by a test, for restarts and other stores. */
public final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningApplication start(Path dataDir, Map<String, String> extra, String... profiles) {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("awarding.data-dir", dataDir.toString());
        properties.put("awarding.bootstrap.admin-pin", ApplicationTest.ADMIN_PIN);
        properties.put("awarding.bootstrap.admin-password", ApplicationTest.ADMIN_PASSWORD);
        properties.put("awarding.security.bcrypt-cost", "10");
        properties.put("awarding.security.failed-sign-in-answer-time", "150ms");
        properties.putAll(extra);
        // As command-line arguments: they outrank application.properties, as an operator's settings would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningApplication(new SpringApplicationBuilder(AwardingHubApplication.class)
                .profiles(profiles).run(args));
    }

    public HttpClientForTests http() {
        return new HttpClientForTests(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
