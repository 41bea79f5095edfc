package org.awardinghub.query.assessment;

/**
 * Item statistics of one assessment over its marked, non-voided attempts: overall when {@code centreId} is null,
 * else for that centre only ({@link ItemStatistics}; with zero attempts when there are none).
 */
public record ItemStatisticsReport(String assessmentCode, String centreId) {}
