package org.awardinghub.query.consideration;

/**
 * A page of applications for special consideration, newest first, narrowed by whichever of centre, candidate and
 * status ({@code PENDING} or {@code DECIDED}) are given; none given lists every centre's (IMI staff only, which the
 * API checks).
 */
public record ListConsiderations(String centreId, String candidateId, String status, int page, int size) {}
