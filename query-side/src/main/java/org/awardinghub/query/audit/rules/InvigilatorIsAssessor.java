package org.awardinghub.query.audit.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attempt opened by an invigilator who is, at that moment, the candidate's assessor on the ePortfolio: the
 * same person (by PIN) would watch the candidate's examination and judge their evidence. The assessor is the one
 * last assigned ({@code AssessorAssigned}) before the opening; an assessor replaced before it no longer counts.
 */
final class InvigilatorIsAssessor implements Rule {

    static final String ID = "invigilator-is-assessor";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Invigilator who is also the candidate's assessor";
    }

    @Override
    public String description() {
        return "An attempt opened by an invigilator who, at that moment, is the candidate's assigned portfolio"
                + " assessor (the same PIN).";
    }

    @Override
    public List<RuleParameter> parameters() {
        return List.of();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("AssessorAssigned", "AttemptOpened");
    }

    @Override
    public Set<String> fields() {
        return Set.of(
                "attemptId", "candidateId", "registrationNumber", "assessorPin", "invigilatorPin", "invigilatorUserId");
    }

    @Override
    public boolean aboutAttempts() {
        return true;
    }

    private record Assignment(String pin, Breach.ProvingEvent evidence) {}

    @Override
    public Matcher matcher(RuleParameters parameters, Findings findings) {
        Map<String, Assignment> assessors = new HashMap<>();
        return event -> {
            if ("AssessorAssigned".equals(event.eventType())) {
                assessors.put(event.candidate(), new Assignment(event.text("assessorPin"), event.evidence()));
                return;
            }
            Assignment assessor = assessors.get(event.candidate());
            String pin = event.text("invigilatorPin");
            if (assessor != null && pin != null && pin.equals(assessor.pin())) {
                String attemptId = event.text("attemptId");
                findings.add(new Breach(
                        "Attempt " + attemptId + " opened by invigilator PIN " + pin
                                + ", who is the candidate's assessor",
                        attemptId,
                        List.of(assessor.evidence(), event.evidence()),
                        List.of(new Breach.InvolvedPerson(
                                pin, event.text("invigilatorUserId"), "invigilator and assessor")),
                        List.of(new Breach.Learner(event.candidate(), event.text("registrationNumber")))));
            }
        };
    }
}
