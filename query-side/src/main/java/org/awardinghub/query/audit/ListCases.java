package org.awardinghub.query.audit;

/** Answers a {@code Page<CaseSummary>} of the frozen investigation cases, the latest frozen first. */
public record ListCases(int page, int size) {}
