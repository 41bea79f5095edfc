package org.awardinghub.query.hubrequest;

/**
 * Answers a {@code Page<HubRequestView>} of one centre's requests, newest first; only those of {@code status}
 * ({@link HubRequestView#OPEN} or {@link HubRequestView#CLOSED}) when given.
 */
public record ListHubRequests(String centreId, String status, int page, int size) {

    /** Of every status. */
    public ListHubRequests(String centreId, int page, int size) {
        this(centreId, null, page, size);
    }
}
