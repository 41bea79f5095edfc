package org.awardinghub.query.hubrequest;

/** Answers a {@code Page<HubRequestView>} of one centre's requests, newest first. */
public record ListHubRequests(String centreId, int page, int size) {}
