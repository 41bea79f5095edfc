package org.awardinghub.query.qualification;

/** Answers a {@code List<QualificationView>} ordered by code. */
public record ListQualifications() {}
