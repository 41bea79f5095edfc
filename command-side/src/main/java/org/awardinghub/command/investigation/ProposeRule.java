package org.awardinghub.command.investigation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Proposes a rule for IMI to adopt, with what it found when tried against history since {@code since}. */
public record ProposeRule(
        @TargetAggregateIdentifier String proposalId,
        String rule,
        List<RuleRunRecorded.Parameter> parameters,
        Instant since,
        RuleFindingsRecord findings) {}
