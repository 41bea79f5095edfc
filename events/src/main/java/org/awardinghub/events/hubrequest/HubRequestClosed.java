package org.awardinghub.events.hubrequest;

public record HubRequestClosed(String requestId, String centreId, String reason) {}
