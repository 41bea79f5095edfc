package org.awardinghub.query.audit;

/** A record by its aggregate's type ({@code Candidate}, {@code Attempt}, ...) and identifier. */
public record CandidateRecord(String aggregateType, String aggregateId) {}
