package org.awardinghub.query.appeal;

/** One enquiry about a result, by id; null when there is none. */
public record FindEnquiry(String enquiryId) {}
