package org.awardinghub.query.catalogue;

/** Answers a {@link QualificationView}, or null. */
public record FindQualification(String code) {
}
