package org.awardinghub.command.hubrequest;

import org.awardinghub.events.hubrequest.HubRequestKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RaiseHubRequest(
        @TargetAggregateIdentifier String requestId,
        String centreId,
        HubRequestKind kind,
        String subject,
        String body,
        String raisedByUserId) {}
