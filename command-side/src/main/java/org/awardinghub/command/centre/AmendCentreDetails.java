package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AmendCentreDetails(
        @TargetAggregateIdentifier String centreId, String name, String address, String contactEmail, String reason)
        implements Reasoned {}
