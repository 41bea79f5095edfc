package org.awardinghub.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * A new rule was proposed and tried against history since {@code since}: what it would have found had it applied
 * from then, up to global position {@code upToPosition} ("had this rule applied since 1 January, these 37 attempts
 * would have been refused"), as counts and the SHA-256 digest of the findings. Nothing is enforced until IMI adopts
 * it ({@link RuleAdopted}). The proposer's PIN is in the metadata.
 */
public record RuleProposed(
        String proposalId,
        String rule,
        List<RuleRunRecorded.Parameter> parameters,
        Instant since,
        long upToPosition,
        long eventsScanned,
        int breaches,
        int learnersAffected,
        Integer attemptsRefused,
        String findingsDigest,
        Instant proposedAt) {}
