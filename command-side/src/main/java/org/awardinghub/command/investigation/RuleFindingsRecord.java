package org.awardinghub.command.investigation;

import java.util.HexFormat;
import java.util.List;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.events.audit.RuleRunRecorded;

/**
 * What a rule found over the audit log up to {@code upToPosition}, as a run or a proposal records it: counts and
 * the SHA-256 digest of the findings (64 lower-case hex digits); {@code attemptsRefused} null for a rule not about
 * attempts. Checked here once for both.
 */
public record RuleFindingsRecord(
        long upToPosition,
        long eventsScanned,
        int breaches,
        int learnersAffected,
        Integer attemptsRefused,
        String findingsDigest) {

    static final int RULE_MAX_LENGTH = 60;
    static final int MAX_PARAMETERS = 20;

    /** The findings, refused when a count is negative or the digest is not SHA-256 in hex. */
    RuleFindingsRecord checked() {
        if (upToPosition < 0 || eventsScanned < 0 || breaches < 0 || learnersAffected < 0) {
            throw new InvalidCommand("findings", "positions and counts must not be negative");
        }
        if (attemptsRefused != null && attemptsRefused < 0) {
            throw new InvalidCommand("findings.attemptsRefused", "attemptsRefused must not be negative");
        }
        if (findingsDigest == null
                || findingsDigest.length() != 64
                || !findingsDigest.chars().allMatch(HexFormat::isHexDigit)) {
            throw new InvalidCommand("findings.findingsDigest", "findingsDigest must be 64 hex digits (SHA-256)");
        }
        return new RuleFindingsRecord(
                upToPosition,
                eventsScanned,
                breaches,
                learnersAffected,
                attemptsRefused,
                findingsDigest.toLowerCase(java.util.Locale.ROOT));
    }

    /** A rule's id as the library names it: one line, at most {@value #RULE_MAX_LENGTH} characters. */
    static String rule(String rule) {
        return Text.required("rule", rule, RULE_MAX_LENGTH);
    }

    /** The parameters, each named, finite, none twice; at most {@value #MAX_PARAMETERS}. */
    static List<RuleRunRecorded.Parameter> parameters(List<RuleRunRecorded.Parameter> parameters) {
        if (parameters == null) {
            return List.of();
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new InvalidCommand("parameters", "at most " + MAX_PARAMETERS + " parameters");
        }
        if (parameters.stream()
                .anyMatch(parameter -> parameter == null
                        || parameter.name() == null
                        || parameter.name().isBlank()
                        || !Double.isFinite(parameter.value()))) {
            throw new InvalidCommand("parameters", "every parameter needs a name and a finite value");
        }
        if (parameters.stream().map(RuleRunRecorded.Parameter::name).distinct().count() < parameters.size()) {
            throw new InvalidCommand("parameters", "a parameter is named twice");
        }
        parameters.forEach(parameter -> Text.required("parameters", parameter.name(), RULE_MAX_LENGTH));
        return List.copyOf(parameters);
    }
}
