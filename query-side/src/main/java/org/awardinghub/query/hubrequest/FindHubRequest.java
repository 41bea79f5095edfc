package org.awardinghub.query.hubrequest;

/** Answers a {@link HubRequestView}, or null. */
public record FindHubRequest(String requestId) {}
