package org.awardinghub.query.assessment;

import org.awardinghub.events.assessment.AttemptStatus;

/**
 * A page of a centre's attempts, newest opened first, optionally of one status ({@link AttemptSummary}s); a null
 * centre lists nothing. Answered with a raw {@link org.awardinghub.query.Page}: ask with
 * {@code ResponseTypes.instanceOf(Page.class)}.
 */
public record ListCentreAttempts(String centreId, AttemptStatus status, int page, int size) {}
