package org.awardinghub.query.candidate;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a candidate: when, what ({@code type} is the event's name, e.g. {@code CandidateNameAmended}),
 * who (the acting PIN, null when the system acted), why, and each changed field's value before and after.
 */
public record CandidateHistoryEntry(
        Instant at, String type, String actorPin, String reason, Map<String, Change> changes) {

    /** {@code from} is null for a value set for the first time, {@code to} null for one removed. */
    public record Change(String from, String to) {}
}
