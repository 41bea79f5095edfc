package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes of answer from wrong to right in marked attempts that were not voided: the national pattern per
 * assessment (mean and standard deviation per attempt), per centre and assessment, and the attempts with any such
 * change (most first, then in submission order; at most {@link #LISTED}, {@code attemptsTotal} says how many there
 * were). Means, standard deviations and standard errors to two decimals; the flags compare the unrounded figures.
 * The standard deviation is the population's, of the attempts' wrong-to-right counts; a centre's standard error is
 * the national standard deviation over {@code sqrt(n)} for its {@code n} attempts. An attempt submitted before
 * changes were recorded counts as one with none.
 * <ul>
 * <li>A centre is {@code flagged} when it has at least {@link #MINIMUM_ATTEMPTS} attempts and its mean is more than
 * three standard errors ({@code sd / sqrt(n)}) above the national mean.</li>
 * <li>An attempt is {@code flagged} when it has at least {@link #MINIMUM_WRONG_TO_RIGHT} changes from wrong to right
 * and more than the national mean plus three standard deviations.</li>
 * </ul>
 */
public record AnswerChangePatterns(
        String centreId,
        String qualificationCode,
        LocalDate from,
        LocalDate to,
        List<National> national,
        List<Row> centres,
        long attemptsTotal,
        List<Attempt> attempts) {

    public static final int MINIMUM_ATTEMPTS = 20;
    public static final int MINIMUM_WRONG_TO_RIGHT = 3;
    public static final int LISTED = 1000;

    public record National(
            String qualificationCode,
            String assessmentCode,
            long attempts,
            long changes,
            long wrongToRight,
            double meanWrongToRight,
            double standardDeviation) {}

    public record Row(
            String centreId,
            String qualificationCode,
            String assessmentCode,
            long attempts,
            long changes,
            long wrongToRight,
            double meanWrongToRight,
            double nationalMeanWrongToRight,
            double standardError,
            boolean flagged) {}

    public record Attempt(
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            String qualificationCode,
            String assessmentCode,
            Instant submittedAt,
            int changes,
            int wrongToRight,
            int rightToWrong,
            boolean flagged) {}
}
