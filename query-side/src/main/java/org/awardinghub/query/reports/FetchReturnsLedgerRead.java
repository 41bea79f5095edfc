package org.awardinghub.query.reports;

/** How far the returns processor has read. Answers {@link ReturnsLedgerRead}. */
public record FetchReturnsLedgerRead() {}
