package org.awardinghub.api.problem;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database connection not to be had in time: every connection of the pool in use for longer than a request may
 * wait. That is the server being busy, not failing: the answer is a 503 with {@code Retry-After}, never a 500, and
 * nothing was changed (the request never got as far as a transaction).
 */
public final class StoreBusy {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private StoreBusy() {}

    /** Whether waiting for a connection is what went wrong, wherever in the causes it was wrapped. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    public static ApiProblem problem() {
        return ApiProblem.busy(
                "The server is busy: no database connection was free in time; nothing was changed", RETRY_AFTER);
    }
}
