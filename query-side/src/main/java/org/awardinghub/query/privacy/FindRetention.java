package org.awardinghub.query.privacy;

/** One candidate's record as retention sees it: a {@link RetentionRecord}, or null when unknown. */
public record FindRetention(String candidateId) {}
