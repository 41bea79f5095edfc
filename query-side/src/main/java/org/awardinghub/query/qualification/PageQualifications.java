package org.awardinghub.query.qualification;

/** Answers a {@code Page<QualificationView>} of the published qualifications, ordered by code. */
public record PageQualifications(int page, int size) {}
