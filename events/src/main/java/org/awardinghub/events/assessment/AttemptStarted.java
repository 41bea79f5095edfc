package org.awardinghub.events.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The candidate started the attempt with the access key. The form was drawn from the item bank with
 * {@code seed}: the questions and the order of each question's options, exactly as the candidate saw them, are
 * kept here too. Nothing here says which option is right: {@code itemOption} is the option's index in the bank
 * item, which only the bank (on the command side) pairs with the answer key.
 */
public record AttemptStarted(
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        Instant startedAt,
        Instant endsAt,
        long seed,
        List<Question> questions) {

    /** One question of the form: {@code questionId} is its place on the form (Q1, Q2, ...). */
    public record Question(String questionId, String itemId, String stem, List<Option> options) {}

    /** One option as shown: {@code optionId} is its letter on the form (A, B, ...). */
    public record Option(String optionId, int itemOption, String text) {}
}
