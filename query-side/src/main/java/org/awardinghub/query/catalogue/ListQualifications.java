package org.awardinghub.query.catalogue;

/** Answers a {@code List<QualificationView>} ordered by code. */
public record ListQualifications() {
}
