package org.awardinghub.events.assessment;

import java.time.Instant;

/**
 * The candidate chose an option, or changed their answer: {@code previousOptionId} is the answer it replaced,
 * null for a first answer. Every change is kept, with its time, for the answer trail.
 */
public record AnswerChosen(
        String attemptId,
        String candidateId,
        String centreId,
        String questionId,
        String itemId,
        String optionId,
        int itemOption,
        String previousOptionId,
        Instant answeredAt) {}
