package org.awardinghub.query.privacy;

/**
 * The legal holds standing, the oldest first. With {@code all} the whole list, otherwise the page asked for. Answers
 * a {@code Page<RetentionRecord>}.
 */
public record ListLegalHolds(int page, int size, boolean all) {}
