package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveCentreQualification(
        @TargetAggregateIdentifier String centreId, String qualificationCode, String reason) implements Reasoned {}
