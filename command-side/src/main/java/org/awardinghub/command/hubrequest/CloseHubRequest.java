package org.awardinghub.command.hubrequest;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code centreId}, when given, must be the request's centre; otherwise the request is answered as unknown. */
public record CloseHubRequest(@TargetAggregateIdentifier String requestId, String centreId, String reason)
        implements Reasoned {}
