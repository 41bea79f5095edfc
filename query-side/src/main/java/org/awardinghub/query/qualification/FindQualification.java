package org.awardinghub.query.qualification;

/** Answers a {@link QualificationView}, or null. */
public record FindQualification(String code) {}
