package org.awardinghub.events.candidate;

public enum CandidateStatus {
    REGISTERED,
    WITHDRAWN,
    CERTIFICATED
}
