package org.awardinghub.query.hub;

/** Answers a {@link CentreView}, or null when there is no such centre. */
public record FindCentre(String centreId) {
}
