package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run's findings: the rule and its parameters, the window of event time ({@code from} inclusive, {@code to}
 * exclusive, null unbounded), the global position it ran up to, how many events it read, the breaches (the first
 * {@link Findings#LISTED}; {@code breachesListed} says whether they are all), the learners and the people across
 * every breach, the totals, and the SHA-256 digest of the findings, which a rerun up to the same position
 * reproduces. {@code millis} is how long it took (not part of the findings).
 */
public record RuleOutcome(
        String rule,
        Map<String, Number> parameters,
        Instant from,
        Instant to,
        long upToPosition,
        long eventsScanned,
        List<Breach> breaches,
        boolean breachesListed,
        List<Breach.Learner> learners,
        List<Breach.InvolvedPerson> people,
        Totals totals,
        String findingsDigest,
        long millis) {

    /** {@code attemptsRefused}: distinct attempts the rule would have refused; null for a rule not about attempts. */
    public record Totals(int breaches, int learnersAffected, Integer attemptsRefused) {}
}
