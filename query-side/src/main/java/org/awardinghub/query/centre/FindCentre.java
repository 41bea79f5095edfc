package org.awardinghub.query.centre;

/** Answers a {@link CentreView}, or null when there is no such centre. */
public record FindCentre(String centreId) {}
