package org.awardinghub.events.assessment;

/** Who ended the attempt: the candidate, or the time limit (the deadline at {@code endsAt}). */
public enum SubmittedBy {
    CANDIDATE,
    TIME_LIMIT
}
