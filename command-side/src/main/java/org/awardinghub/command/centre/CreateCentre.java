package org.awardinghub.command.centre;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCentre(
        @TargetAggregateIdentifier String centreId, String name, String address, String contactEmail) {}
