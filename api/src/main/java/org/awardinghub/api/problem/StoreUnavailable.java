package org.awardinghub.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The relational database not there for a request: every connection of the pool in use for longer than a request may
 * wait ({@link #BUSY}), or the database itself out of reach, stopped or restarting ({@link #UNREACHABLE}). Neither is
 * the request's fault nor a failure of the application: the answer is a 503 with {@code Retry-After}, never a 500,
 * and the request was not carried out (a transaction the database ended was rolled back by it).
 */
public enum StoreUnavailable {
    BUSY(Duration.ofSeconds(2), "The server is busy: no database connection was free in time; nothing was changed"),
    UNREACHABLE(
            Duration.ofSeconds(5),
            "The database cannot be reached just now; the request was not carried out. Try again in a moment");

    private final Duration retryAfter;
    private final String detail;

    StoreUnavailable(Duration retryAfter, String detail) {
        this.retryAfter = retryAfter;
        this.detail = detail;
    }

    /**
     * Which of the two went wrong, wherever in the causes it was wrapped: a connection failure of the database
     * (SQLSTATE class 08, or 57P, the server shutting down or not yet accepting connections) anywhere makes it
     * {@link #UNREACHABLE}; a wait for a connection that timed out otherwise, {@link #BUSY}.
     */
    public static Optional<StoreUnavailable> of(Throwable failure) {
        StoreUnavailable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLNonTransientConnectionException || connectionLost(cause)) {
                return Optional.of(UNREACHABLE);
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException) {
                found = BUSY;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean connectionLost(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57P");
    }

    public ApiProblem problem() {
        return ApiProblem.busy(detail, retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
