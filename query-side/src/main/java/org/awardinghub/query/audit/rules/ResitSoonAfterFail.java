package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A re-sit opened within {@code hours} of a failed attempt at the same assessment by the same candidate: the
 * command side's re-sit wait ({@code awarding.assessment.resit-after}, 48 h) measured the same way, from the failed
 * attempt's submission to the re-sit's opening, so that this rule finds re-sits the wait let through (a waiver, a
 * shorter wait configured) and, with a longer wait proposed, the re-sits it would have refused. A fail is an attempt
 * submitted with outcome FAIL, or changed to FAIL after a review; a voided attempt counts for nothing, as on the
 * command side.
 */
final class ResitSoonAfterFail implements Rule {

    static final String ID = "resit-after-fail";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Re-sit soon after a fail";
    }

    @Override
    public String description() {
        return "An attempt opened for a candidate less than the given hours after they failed the same assessment"
                + " (from the failed attempt's submission to the re-sit's opening; voided attempts do not count).";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of(RuleParameter.integer(
                "hours", 48, 1, 8760, "The least time, in hours, between a failed attempt and a re-sit"));
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("AttemptOpened", "AttemptSubmitted", "AttemptOutcomeChanged", "AttemptVoided");
    }

    @Override
    public Set<String> fields() {
        return Set.of(
                "attemptId",
                "candidateId",
                "registrationNumber",
                "assessmentCode",
                "invigilatorUserId",
                "invigilatorPin",
                "openedAt",
                "submittedAt",
                "outcome");
    }

    @Override
    public boolean aboutAttempts() {
        return true;
    }

    /** What the rule keeps of one attempt: whether it is a fail that counts, since when, and its evidence. */
    private static final class Attempt {
        Instant submittedAt;
        boolean failed;
        boolean voided;
        Breach.ProvingEvent submitted;
        Breach.ProvingEvent changed;
    }

    @Override
    public Matcher matcher(RuleParameters parameters, Findings findings) {
        long wait = parameters.integer("hours") * 3_600_000L;
        Map<String, Attempt> attempts = new HashMap<>();
        Map<String, List<Attempt>> byAssessment = new HashMap<>();
        return event -> {
            String attemptId = event.text("attemptId");
            switch (event.eventType()) {
                case "AttemptOpened" -> {
                    String key = event.candidate() + '\u0000' + event.text("assessmentCode");
                    List<Attempt> earlier = byAssessment.computeIfAbsent(key, k -> new ArrayList<>(2));
                    Instant openedAt =
                            event.instant("openedAt") != null ? event.instant("openedAt") : event.occurredAt();
                    Attempt lastFail = null;
                    for (Attempt attempt : earlier) {
                        if (attempt.failed
                                && !attempt.voided
                                && attempt.submittedAt != null
                                && (lastFail == null || attempt.submittedAt.isAfter(lastFail.submittedAt))) {
                            lastFail = attempt;
                        }
                    }
                    if (lastFail != null && openedAt.toEpochMilli() < lastFail.submittedAt.toEpochMilli() + wait) {
                        List<Breach.ProvingEvent> evidence = new ArrayList<>();
                        evidence.add(lastFail.submitted);
                        if (lastFail.changed != null) {
                            evidence.add(lastFail.changed);
                        }
                        evidence.add(event.evidence());
                        findings.add(new Breach(
                                "Re-sit " + attemptId + " opened "
                                        + Elapsed.words(openedAt.toEpochMilli() - lastFail.submittedAt.toEpochMilli())
                                        + " after the failed attempt " + lastFail.submitted.recordId()
                                        + " was submitted, within " + parameters.integer("hours") + " h",
                                attemptId,
                                evidence,
                                List.of(new Breach.InvolvedPerson(
                                        event.text("invigilatorPin"),
                                        event.text("invigilatorUserId"),
                                        "invigilator who opened the re-sit")),
                                List.of(new Breach.Learner(event.candidate(), event.text("registrationNumber")))));
                    }
                    Attempt opened = new Attempt();
                    earlier.add(opened);
                    attempts.put(attemptId, opened);
                }
                case "AttemptSubmitted" -> {
                    Attempt attempt = attempts.get(attemptId);
                    if (attempt == null) { // opened before the window: it still counts from its submission
                        attempt = new Attempt();
                        attempts.put(attemptId, attempt);
                        byAssessment
                                .computeIfAbsent(
                                        event.candidate() + '\u0000' + event.text("assessmentCode"),
                                        k -> new ArrayList<>(2))
                                .add(attempt);
                    }
                    attempt.submittedAt = event.instant("submittedAt");
                    attempt.failed = "FAIL".equals(event.text("outcome"));
                    attempt.submitted = event.evidence();
                }
                case "AttemptOutcomeChanged" -> {
                    Attempt attempt = attempts.get(attemptId);
                    if (attempt != null) {
                        attempt.failed = "FAIL".equals(event.text("outcome"));
                        attempt.changed = event.evidence();
                    }
                }
                case "AttemptVoided" -> {
                    Attempt attempt = attempts.get(attemptId);
                    if (attempt != null) {
                        attempt.voided = true;
                    }
                }
                default -> {}
            }
        };
    }
}
