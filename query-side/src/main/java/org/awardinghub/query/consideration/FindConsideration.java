package org.awardinghub.query.consideration;

/** One application for special consideration, by id; null when there is none. */
public record FindConsideration(String considerationId) {}
