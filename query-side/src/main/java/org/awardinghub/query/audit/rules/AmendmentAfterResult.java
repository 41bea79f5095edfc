package org.awardinghub.query.audit.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A candidate's record amended (name, date of birth, ULN or qualification) after their first result (a submitted
 * attempt) or certificate claim, at least {@code graceHours} later: the record a certificate is printed from changed
 * once there was something to print. Registrations are read only for the candidate's registration number.
 */
final class AmendmentAfterResult implements Rule {

    static final String ID = "amendment-after-result";

    static final Set<String> AMENDMENTS = Set.of(
            "CandidateNameAmended",
            "CandidateDateOfBirthAmended",
            "CandidateUlnAmended",
            "CandidateQualificationAmended");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Amendment after a result or a claim";
    }

    @Override
    public String description() {
        return "A candidate's name, date of birth, ULN or qualification amended at least the given hours after their"
                + " first result (a submitted attempt) or certificate claim.";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of(RuleParameter.integer(
                "graceHours",
                0,
                0,
                8760,
                "Amendments this many hours or less after the first result or claim are let pass (0: none)"));
    }

    @Override
    public Set<String> eventTypes() {
        Set<String> types = new java.util.HashSet<>(AMENDMENTS);
        types.addAll(Set.of("CandidateRegistered", "AttemptSubmitted", "CertificateClaimed"));
        return Set.copyOf(types);
    }

    @Override
    public Set<String> fields() {
        return Set.of("candidateId", "registrationNumber");
    }

    @Override
    public boolean aboutAttempts() {
        return false;
    }

    @Override
    public Matcher matcher(RuleParameters parameters, Findings findings) {
        long grace = parameters.integer("graceHours") * 3_600_000L;
        Map<String, Breach.ProvingEvent> firstResult = new HashMap<>();
        Map<String, String> registrationNumbers = new HashMap<>();
        return event -> {
            String candidate = event.candidate();
            switch (event.eventType()) {
                case "CandidateRegistered" -> registrationNumbers.put(candidate, event.text("registrationNumber"));
                case "AttemptSubmitted", "CertificateClaimed" -> {
                    firstResult.putIfAbsent(candidate, event.evidence());
                    if (event.text("registrationNumber") != null) {
                        registrationNumbers.putIfAbsent(candidate, event.text("registrationNumber"));
                    }
                }
                default -> {
                    Breach.ProvingEvent result = firstResult.get(candidate);
                    if (result == null) {
                        return;
                    }
                    long after = event.occurredAt().toEpochMilli()
                            - result.occurredAt().toEpochMilli();
                    if (after < grace) {
                        return;
                    }
                    String what = "AttemptSubmitted".equals(result.eventType())
                            ? "the result of attempt " + result.recordId()
                            : "the certificate claim " + result.recordId();
                    findings.add(new Breach(
                            event.eventType() + " " + Elapsed.words(after) + " after " + what,
                            null,
                            List.of(result, event.evidence()),
                            event.actorPin() == null
                                    ? List.of()
                                    : List.of(new Breach.InvolvedPerson(
                                            event.actorPin(), event.actorUserId(), "amended")),
                            List.of(new Breach.Learner(candidate, registrationNumbers.get(candidate)))));
                }
            }
        };
    }
}
