package org.awardinghub.query.hubrequest;

/**
 * IMI's inbox: every centre's requests, newest first, optionally only those with one status
 * ({@link HubRequestView#OPEN} or {@link HubRequestView#CLOSED}). Answers a {@code Page<HubRequestView>}.
 */
public record ListAllHubRequests(String status, int page, int size) {}
