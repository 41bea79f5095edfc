package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateCentre(@TargetAggregateIdentifier String centreId, String reason) implements Reasoned {}
