package org.awardinghub.api.reports;

/**
 * A compliance report's filters as the query string gives them: {@code centreId}, {@code qualificationCode}, and a
 * period {@code from} {@code to} (dates, both inclusive, either open). All optional; a report without a
 * qualification ignores that filter.
 */
record ReportFilter(String centreId, String qualificationCode, String from, String to) {}
