package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.Map;

/**
 * A proposed rule as recorded ({@code RuleProposed}), with what it found since {@code since}, and its adoption
 * ({@code RuleAdopted}; null until adopted).
 */
public record RecordedProposal(
        String proposalId,
        String rule,
        Map<String, Number> parameters,
        Instant since,
        long upToPosition,
        long eventsScanned,
        int breaches,
        int learnersAffected,
        Integer attemptsRefused,
        String findingsDigest,
        Instant proposedAt,
        String proposedByPin,
        Instant adoptedAt,
        String adoptedByPin) {}
