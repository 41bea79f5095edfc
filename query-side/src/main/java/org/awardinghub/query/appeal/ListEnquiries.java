package org.awardinghub.query.appeal;

/**
 * A page of enquiries about results, newest first, narrowed by whichever of centre, candidate and stage are given;
 * none given lists every centre's (IMI staff only, which the API checks).
 */
public record ListEnquiries(String centreId, String candidateId, String stage, int page, int size) {}
