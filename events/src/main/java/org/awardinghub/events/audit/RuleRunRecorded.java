package org.awardinghub.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * An investigator ran a rule of the library over the audit log: which rule with which parameters, over which window
 * of event time ({@code from} inclusive, {@code to} exclusive; null: unbounded), up to which global position (the
 * chain's head when the run began), how many events it read and what it found, as counts and as the SHA-256 digest
 * of its findings ({@code findingsDigest}, lower-case hex). No personal value is here: rerunning the rule up to the
 * same position gives the same findings, which the digest proves. {@code attemptsRefused} is null for a rule that is
 * not about attempts. The runner's PIN is in the metadata.
 */
public record RuleRunRecorded(
        String runId,
        String rule,
        List<Parameter> parameters,
        Instant from,
        Instant to,
        long upToPosition,
        long eventsScanned,
        int breaches,
        int learnersAffected,
        Integer attemptsRefused,
        String findingsDigest,
        Instant ranAt) {

    /** One parameter of the rule as it ran. */
    public record Parameter(String name, double value) {}
}
