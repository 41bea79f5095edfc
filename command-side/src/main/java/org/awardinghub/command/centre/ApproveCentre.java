package org.awardinghub.command.centre;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the centre number assigned. */
public record ApproveCentre(
        @TargetAggregateIdentifier String centreId, List<String> qualificationCodes, boolean directClaimStatus) {}
