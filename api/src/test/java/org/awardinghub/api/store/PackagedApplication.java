package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.springframework.util.FileSystemUtils;

/**
 * The built jar started with {@code java -jar} in a process of its own, as an operator starts it, for the tests that
 * kill it or take its database away ({@code *IT}, after {@code package}): the tests' administrator, a cheaper bcrypt
 * cost, a free port, its output to a log file under {@code target}.
 */
final class PackagedApplication {

    private PackagedApplication() {}

    /** The jar {@code mvn package} built; Failsafe passes its path as {@code application.jar}. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("application.jar", "target/awarding-hub.jar"));
        assertThat(jar).as("the packaged application (mvn package)").isRegularFile();
        return jar.toAbsolutePath();
    }

    /** The directory, emptied of whatever an earlier run left there. */
    static Path emptied(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar on {@code port} and {@code dataDir}, with the environment and arguments given on top. */
    static Process start(int port, Path dataDir, String log, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--awarding.bootstrap.admin-pin=" + ApplicationTest.ADMIN_PIN,
                "--awarding.bootstrap.admin-password=" + ApplicationTest.ADMIN_PASSWORD,
                "--awarding.security.bcrypt-cost=10"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", log).toFile());
        builder.environment().put("AWARDING_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
