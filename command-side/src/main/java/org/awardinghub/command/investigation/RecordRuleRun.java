package org.awardinghub.command.investigation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a rule run an AUDITOR or IMI_ADMIN made: the rule, its parameters, the window, the position it ran up
 * to, and what it found as counts and a digest ({@link RuleFindingsRecord}).
 */
public record RecordRuleRun(
        @TargetAggregateIdentifier String runId,
        String rule,
        List<RuleRunRecorded.Parameter> parameters,
        Instant from,
        Instant to,
        RuleFindingsRecord findings) {}
