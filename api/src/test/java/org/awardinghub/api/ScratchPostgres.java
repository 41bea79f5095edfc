package org.awardinghub.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL server whose maintenance database {@code AWARDING_TEST_POSTGRES_URL} names
 * (user {@code AWARDING_TEST_POSTGRES_USER}, {@code postgres} by default), dropped with everything in it on close.
 */
public record ScratchPostgres(String name, String url) implements AutoCloseable {

    static final String SERVER = System.getenv("AWARDING_TEST_POSTGRES_URL");
    public static final String USER = System.getenv().getOrDefault("AWARDING_TEST_POSTGRES_USER", "postgres");

    /** Whether a server is named, so that PostgreSQL runs can be made. */
    public static boolean available() {
        return SERVER != null && SERVER.startsWith("jdbc:postgresql:");
    }

    public static ScratchPostgres create(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new ScratchPostgres(name, SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name);
    }

    /** The application's settings for the {@code postgres} profile on this database. */
    public Map<String, String> properties() {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", USER);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
