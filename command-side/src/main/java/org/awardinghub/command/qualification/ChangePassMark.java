package org.awardinghub.command.qualification;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePassMark(
        @TargetAggregateIdentifier String qualificationCode, String assessmentCode, int passPercent, String reason)
        implements Reasoned {}
