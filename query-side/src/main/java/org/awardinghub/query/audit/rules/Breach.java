package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.List;

/**
 * One breach of a rule: what happened in a sentence, the events that prove it (each with its chain hash, so that
 * each checks against the chain alone), the people involved by PIN and the learners affected. {@code attemptId}
 * names the attempt the rule, enforced, would have refused (null when the rule is not about attempts).
 */
public record Breach(
        String summary,
        String attemptId,
        List<ProvingEvent> events,
        List<InvolvedPerson> people,
        List<Learner> learners) {

    /** An event of the audit log that proves the breach. */
    public record ProvingEvent(
            long globalPosition,
            String eventId,
            String eventType,
            String recordType,
            String recordId,
            Instant occurredAt,
            String chainHash) {}

    /** A person involved, by PIN (and user id where the events carry it), and how. */
    public record InvolvedPerson(String pin, String userId, String role) {}

    /** A learner affected, by candidate id, with the registration number where the events carry it. */
    public record Learner(String candidateId, String registrationNumber) {}

    /** The line of the breach that its findings' digest covers: every field, in order, unambiguous. */
    String canonical() {
        StringBuilder line = new StringBuilder();
        field(line, summary);
        field(line, attemptId);
        for (ProvingEvent event : events) {
            field(line, Long.toString(event.globalPosition()));
            field(line, event.eventId());
            field(line, event.eventType());
            field(line, event.recordType());
            field(line, event.recordId());
            field(line, event.occurredAt() == null ? null : event.occurredAt().toString());
            field(line, event.chainHash());
        }
        line.append('|');
        for (InvolvedPerson person : people) {
            field(line, person.pin());
            field(line, person.userId());
            field(line, person.role());
        }
        line.append('|');
        for (Learner learner : learners) {
            field(line, learner.candidateId());
            field(line, learner.registrationNumber());
        }
        return line.append('\n').toString();
    }

    /** Each value with its length first, so that no value can be mistaken for two. */
    private static void field(StringBuilder line, String value) {
        if (value == null) {
            line.append("-;");
        } else {
            line.append(value.length()).append(':').append(value).append(';');
        }
    }
}
