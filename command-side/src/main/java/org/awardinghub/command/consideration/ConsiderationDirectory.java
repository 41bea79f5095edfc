package org.awardinghub.command.consideration;

import java.util.Optional;

/**
 * Which attempts have an application for special consideration, as of the transaction that made it. Read-only: kept
 * from the events by {@link ConsiderationDirectoryTable}, in the transaction that stores them.
 */
public interface ConsiderationDirectory {

    /** The application made for the attempt, if any. */
    Optional<String> applicationFor(String attemptId);
}
