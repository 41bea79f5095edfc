package org.awardinghub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * When every database connection is taken (a burst that outruns the pool), requests answer 503 with
 * {@code Retry-After}, whether they fail in a controller or in a security filter before it, and answer again as soon
 * as a connection is free: never a 500. A database out of reach answers 503 too ({@code DatabaseRestartIT} stops
 * one under load).
 */
class StoreUnavailableTest {

    @TempDir
    Path dataDir;

    @Test
    void givenEveryConnectionTaken_whenRequestsCome_thenTheyAnswer503AndRecoverOnceOneIsFree() throws Exception {
        try (RunningApplication app = RunningApplication.start(
                dataDir,
                Map.of(
                        "spring.datasource.hikari.maximum-pool-size", "6",
                        "spring.datasource.hikari.connection-timeout", "2000"))) {
            HttpClientForTests http = app.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);

            List<Connection> taken = new ArrayList<>();
            DataSource pool = app.bean(DataSource.class);
            try {
                while (taken.size() < 6) { // the event processors give theirs back between batches
                    taken.add(pool.getConnection());
                }
                for (HttpClientForTests.Response answer : List.of(
                        http.get("/api/me", admin),
                        http.get("/api/centres", admin),
                        http.post(
                                "/api/auth/login",
                                null,
                                Map.of("pin", ApplicationTest.ADMIN_PIN, "password", ApplicationTest.ADMIN_PASSWORD)),
                        http.post(
                                "/api/assessment-attempts/start",
                                null,
                                Map.of("registrationNumber", "ZZ00000001", "accessKey", "WRONGKEY00")))) {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.header("Retry-After")).isEqualTo("2");
                }
            } finally {
                for (Connection connection : taken) {
                    connection.close();
                }
            }

            assertThat(http.get("/api/me", admin).status()).as("served again").isEqualTo(200);
        }
    }

    @Test
    void givenDatabaseFailures_whenClassified_thenConnectionLossIsUnreachableAPoolTimeoutBusyAndTheRestNeither() {
        SQLException shutDown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException refused = new SQLException("Connection refused", "08001");
        assertThat(StoreUnavailable.of(new DataAccessResourceFailureException("session", shutDown)))
                .contains(StoreUnavailable.UNREACHABLE);
        assertThat(StoreUnavailable.of(
                        new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timed out"))))
                .contains(StoreUnavailable.BUSY);
        assertThat(StoreUnavailable.of(new CannotGetJdbcConnectionException(
                        "pool", new SQLTransientConnectionException("timed out", "08001", refused))))
                .contains(StoreUnavailable.UNREACHABLE);
        assertThat(StoreUnavailable.of(new IllegalStateException("event store", new SQLException("I/O", "08006"))))
                .contains(StoreUnavailable.UNREACHABLE);
        assertThat(StoreUnavailable.of(new DataIntegrityViolationException("dup", new SQLException("dup", "23505"))))
                .isEmpty();
        assertThat(StoreUnavailable.of(new SQLException("cancelled", "57014"))).isEmpty();
    }
}
