package org.awardinghub.query.arrangement;

/**
 * IMI's queue: every centre's arrangements awaiting a decision, oldest request first. With {@code all} the whole
 * list, otherwise the page asked for. Answers a {@code Page<ArrangementView>}.
 */
public record ListArrangementQueue(int page, int size, boolean all) {}
