package org.awardinghub.query.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardinghub.query.reports.AnswerChangePatterns;

/**
 * At least {@code changes} answers changed from wrong to right in the last {@code minutes} before the attempt's end
 * time (the candidate's page announces the time left at 30, 10, 5 and 1 minutes: the default is the five-minute
 * warning).
 *
 * <p><b>Wrong and right without the answer key.</b> No event holds the key: {@code AnswerChosen} names the option
 * chosen and the one it replaced, and only the marking ({@code AttemptSubmitted.marks}) says whether each question's
 * final answer was right. So a change is counted as from wrong to right when it chose the option the marking found
 * right for that question (its final answer, marked correct) in place of another option: each question has one
 * right option, so the one replaced was wrong. A change to the right option later undone again is not counted: it
 * gained the candidate nothing. The per-attempt count of all changes by effect
 * ({@code AttemptSubmitted.answerChanges}) has no times, so it cannot say which came after the warning.
 */
final class LateCorrections implements Rule {

    static final String ID = "late-corrections";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Answers corrected in bulk after the time warning";
    }

    @Override
    public String description() {
        return "An attempt with at least the given number of answers changed from wrong to right in the last minutes"
                + " before its end time (right as the marking found the final answer).";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of(
                RuleParameter.integer(
                        "changes",
                        AnswerChangePatterns.MINIMUM_WRONG_TO_RIGHT,
                        1,
                        1000,
                        "The least number of changes from wrong to right"),
                RuleParameter.integer("minutes", 5, 1, 600, "The last minutes before the end time that count"));
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("AttemptOpened", "AnswerChosen", "AttemptSubmitted", "AttemptVoided");
    }

    @Override
    public Set<String> fields() {
        return Set.of(
                "attemptId",
                "candidateId",
                "registrationNumber",
                "invigilatorPin",
                "invigilatorUserId",
                "questionId",
                "optionId",
                "previousOptionId",
                "answeredAt",
                "endsAt",
                "marks");
    }

    @Override
    public boolean aboutAttempts() {
        return true;
    }

    private record Change(String questionId, String optionId, Instant answeredAt, LoggedEvent event) {}

    /** An attempt in progress: its opening and its changes of answer so far (first answers are not kept). */
    private static final class Running {
        String registrationNumber;
        String invigilatorPin;
        String invigilatorUserId;
        final List<Change> changes = new ArrayList<>();
    }

    @Override
    public Matcher matcher(RuleParameters parameters, Findings findings) {
        int least = parameters.integer("changes");
        long warning = parameters.integer("minutes") * 60_000L;
        Map<String, Running> running = new HashMap<>();
        return event -> {
            String attemptId = event.text("attemptId");
            switch (event.eventType()) {
                case "AttemptOpened" -> {
                    Running attempt = running.computeIfAbsent(attemptId, id -> new Running());
                    attempt.registrationNumber = event.text("registrationNumber");
                    attempt.invigilatorPin = event.text("invigilatorPin");
                    attempt.invigilatorUserId = event.text("invigilatorUserId");
                }
                case "AnswerChosen" -> {
                    if (event.text("previousOptionId") != null) {
                        Instant at = event.instant("answeredAt");
                        running.computeIfAbsent(attemptId, id -> new Running())
                                .changes
                                .add(new Change(
                                        event.text("questionId"),
                                        event.text("optionId"),
                                        at == null ? event.occurredAt() : at,
                                        event));
                    }
                }
                case "AttemptVoided" -> running.remove(attemptId);
                case "AttemptSubmitted" -> {
                    Running attempt = running.remove(attemptId);
                    Instant endsAt = event.instant("endsAt");
                    if (attempt == null || attempt.changes.size() < least || endsAt == null) {
                        return;
                    }
                    Map<String, String> rightOptions = new HashMap<>();
                    JsonNode marks = event.node("marks");
                    if (marks != null && marks.isArray()) {
                        for (JsonNode mark : marks) {
                            if (mark.path("correct").asBoolean(false)
                                    && !mark.path("optionId").isNull()) {
                                rightOptions.put(
                                        mark.path("questionId").asText(),
                                        mark.path("optionId").asText());
                            }
                        }
                    }
                    long from = endsAt.toEpochMilli() - warning;
                    List<Change> late = attempt.changes.stream()
                            .filter(change -> change.answeredAt().toEpochMilli() >= from)
                            .filter(change -> change.optionId() != null
                                    && change.optionId().equals(rightOptions.get(change.questionId())))
                            .toList();
                    if (late.size() < least) {
                        return;
                    }
                    List<Breach.ProvingEvent> evidence = new ArrayList<>();
                    Map<String, Breach.InvolvedPerson> people = new LinkedHashMap<>();
                    if (attempt.invigilatorPin != null) {
                        people.put(
                                attempt.invigilatorPin,
                                new Breach.InvolvedPerson(
                                        attempt.invigilatorPin, attempt.invigilatorUserId, "invigilator"));
                    }
                    for (Change change : late) {
                        evidence.add(change.event().evidence());
                        String pin = change.event().actorPin();
                        if (pin != null) {
                            people.putIfAbsent(
                                    pin,
                                    new Breach.InvolvedPerson(
                                            pin, change.event().actorUserId(), "changed answers"));
                        }
                    }
                    evidence.add(event.evidence());
                    findings.add(new Breach(
                            "Attempt " + attemptId + ": " + late.size() + " answers changed from wrong to right in"
                                    + " the last " + parameters.integer("minutes") + " min",
                            attemptId,
                            evidence,
                            List.copyOf(people.values()),
                            List.of(new Breach.Learner(event.candidate(), attempt.registrationNumber))));
                }
                default -> {}
            }
        };
    }
}
