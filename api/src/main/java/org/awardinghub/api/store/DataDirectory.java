package org.awardinghub.api.store;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code awarding.data-dir} absolute before anything reads it: H2 refuses file paths that are implicitly
 * relative, and every store must agree on one directory whatever the working directory.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    public static final String PROPERTY = "awarding.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("absoluteDataDirectory", Map.of(PROPERTY, absolute)));
    }
}
