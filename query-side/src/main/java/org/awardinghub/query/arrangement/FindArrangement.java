package org.awardinghub.query.arrangement;

/** One access arrangement, or null. Answers an {@link ArrangementView}. */
public record FindArrangement(String arrangementId) {}
