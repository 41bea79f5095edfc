package org.awardinghub.query.hub;

/** Answers a {@link HubRequestView}, or null. */
public record FindHubRequest(String requestId) {
}
