package org.awardinghub.command.hubrequest;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseHubRequest(@TargetAggregateIdentifier String requestId, String reason) implements Reasoned {
}
