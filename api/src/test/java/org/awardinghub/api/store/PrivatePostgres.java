package org.awardinghub.api.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of the test's own, in a cluster it creates under a temporary directory with the installed
 * server's {@code initdb} and {@code pg_ctl}, on a free port: a test may stop and start it without touching the
 * machine's shared server. As root, the server runs as the {@code postgres} user, which PostgreSQL requires.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String SERVER_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path home;
    private final Path bin;
    private final int port;

    private PrivatePostgres(Path home, Path bin, int port) {
        this.home = home;
        this.bin = bin;
        this.port = port;
    }

    /** Creates the cluster and starts it. */
    static PrivatePostgres create() throws IOException, InterruptedException {
        Path bin = installedBinaries();
        Path home = Files.createTempDirectory("awarding-postgres-");
        if (ROOT) {
            UserPrincipal owner =
                    home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
            Files.setOwner(home, owner);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PrivatePostgres server = new PrivatePostgres(home, bin, port);
        server.run("initdb", "-D", server.data(), "-A", "trust", "-U", SERVER_USER, "--no-sync");
        server.start();
        return server;
    }

    /** The server accepting connections again, on the same port and cluster. */
    void start() throws IOException, InterruptedException {
        run(
                "pg_ctl",
                "-D",
                data(),
                "-l",
                home.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "-w",
                "start");
    }

    /** A fast shutdown, as an operator stops it: every session ended, open transactions rolled back. */
    void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
    }

    String createDatabase(String name) throws SQLException {
        try (var connection = DriverManager.getConnection(url("postgres"), SERVER_USER, "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // the test failed while the server was down
        }
        FileSystemUtils.deleteRecursively(home);
    }

    private String data() {
        return home.resolve("data").toString();
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(program + ".out").toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " failed: " + Files.readString(home.resolve(program + ".out")));
        }
    }

    /** {@code AWARDING_TEST_POSTGRES_BIN} when set, else what {@code pg_config --bindir} names. */
    private static Path installedBinaries() throws IOException, InterruptedException {
        String configured = System.getenv("AWARDING_TEST_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Process pgConfig = new ProcessBuilder("pg_config", "--bindir").start();
        String bin = new String(pgConfig.getInputStream().readAllBytes()).strip();
        if (pgConfig.waitFor() != 0 || !Files.isExecutable(Path.of(bin, "pg_ctl"))) {
            throw new IllegalStateException("No PostgreSQL server binaries: set AWARDING_TEST_POSTGRES_BIN");
        }
        return Path.of(bin);
    }
}
