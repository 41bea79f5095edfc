package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.centre.Sanction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LiftSanction(@TargetAggregateIdentifier String centreId, Sanction sanction, String reason)
        implements Reasoned {}
