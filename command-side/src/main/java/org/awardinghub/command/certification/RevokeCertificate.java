package org.awardinghub.command.certification;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI revokes the claim's current certificate {@code certificateNumber} (e.g. malpractice), with a reason. */
public record RevokeCertificate(@TargetAggregateIdentifier String claimId, String certificateNumber, String reason)
        implements Reasoned {}
