package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardinghub.query.reports.FastHighScores;

/**
 * A score of at least {@code percent} % in under {@code timeFraction} of the time allowed: taken from start to
 * submission, allowed from start to the end time, as the fast-high-scores report measures it (its defaults, 90 % in
 * under a quarter, are this rule's). The opening is read for the invigilator and the registration number.
 */
final class FastHighScore implements Rule {

    static final String ID = "fast-high-score";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "High score in little time";
    }

    @Override
    public String description() {
        return "An attempt that scored at least the given percentage in under the given share of the time allowed"
                + " (from start to submission, against start to end time).";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of(
                RuleParameter.decimal(
                        "percent", FastHighScores.HIGH_PERCENT, 0, 100, "The least score, in per cent of the marks"),
                RuleParameter.decimal(
                        "timeFraction",
                        0.25,
                        0.01,
                        1,
                        "The share of the time allowed it took less than (0.25: a quarter)"));
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("AttemptOpened", "AttemptSubmitted");
    }

    @Override
    public Set<String> fields() {
        return Set.of(
                "attemptId",
                "candidateId",
                "registrationNumber",
                "invigilatorPin",
                "invigilatorUserId",
                "startedAt",
                "endsAt",
                "submittedAt",
                "percent");
    }

    @Override
    public boolean aboutAttempts() {
        return true;
    }

    private record Opening(Breach.ProvingEvent evidence, String registrationNumber, String pin, String userId) {}

    @Override
    public Matcher matcher(RuleParameters parameters, Findings findings) {
        double least = parameters.decimal("percent");
        double fraction = parameters.decimal("timeFraction");
        Map<String, Opening> openings = new HashMap<>();
        return event -> {
            String attemptId = event.text("attemptId");
            if ("AttemptOpened".equals(event.eventType())) {
                openings.put(
                        attemptId,
                        new Opening(
                                event.evidence(),
                                event.text("registrationNumber"),
                                event.text("invigilatorPin"),
                                event.text("invigilatorUserId")));
                return;
            }
            Opening opening = openings.remove(attemptId);
            double percent = event.number("percent");
            Instant startedAt = event.instant("startedAt");
            Instant endsAt = event.instant("endsAt");
            Instant submittedAt = event.instant("submittedAt");
            if (!(percent >= least) || startedAt == null || endsAt == null || submittedAt == null) {
                return;
            }
            long taken = submittedAt.toEpochMilli() - startedAt.toEpochMilli();
            long allowed = endsAt.toEpochMilli() - startedAt.toEpochMilli();
            if (allowed <= 0 || !(taken < fraction * allowed)) {
                return;
            }
            findings.add(new Breach(
                    "Attempt " + attemptId + " scored " + percent + " % in " + Elapsed.words(taken) + " of "
                            + Elapsed.words(allowed) + " allowed",
                    attemptId,
                    opening == null ? List.of(event.evidence()) : List.of(opening.evidence(), event.evidence()),
                    opening == null || opening.pin() == null
                            ? List.of()
                            : List.of(new Breach.InvolvedPerson(opening.pin(), opening.userId(), "invigilator")),
                    List.of(new Breach.Learner(
                            event.candidate(), opening == null ? null : opening.registrationNumber()))));
        };
    }
}
