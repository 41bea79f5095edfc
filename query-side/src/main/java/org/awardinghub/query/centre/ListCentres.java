package org.awardinghub.query.centre;

/** Answers a {@code Page<CentreView>} ordered by name. */
public record ListCentres(int page, int size) {}
