package org.awardinghub.command.certification;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * IMI replaces the claim's current certificate {@code certificateNumber} (lost, name corrected): a new number and
 * verification code. Answers the new certificate number.
 */
public record ReplaceCertificate(@TargetAggregateIdentifier String claimId, String certificateNumber, String reason)
        implements Reasoned {}
