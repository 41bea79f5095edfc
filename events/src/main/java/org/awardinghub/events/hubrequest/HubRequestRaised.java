package org.awardinghub.events.hubrequest;

public record HubRequestRaised(
        String requestId, String centreId, HubRequestKind kind, String subject, String body, String raisedByUserId) {}
