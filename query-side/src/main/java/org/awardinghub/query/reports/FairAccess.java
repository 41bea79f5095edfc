package org.awardinghub.query.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * How often each centre asks for fair access against the national rate: access arrangements requested, special
 * considerations applied for, result enquiries raised and appeals lodged, each per 100 marked attempts (not voided,
 * as {@link PassRates} counts them) at the centre, in the period. A centre far above the national rate is a
 * malpractice signal (arrangements or considerations used as an advantage rather than to level the field; results
 * questioned as a routine), never a finding.
 *
 * <p>Each case counts on the day it was requested, applied for, raised or lodged, and an attempt on the day it was
 * submitted (UTC days); an arrangement under the candidate's qualification at the time, the rest under their
 * attempt's. {@code decided}: how many of them have been decided; {@code favourable}: how many went the centre's way
 * (an arrangement approved, by policy or by IMI; a consideration decided VOID_AND_RESIT or NOTE_ON_RECORD; a
 * re-check that CHANGED the result; an appeal UPHELD). Rates and standard errors per 100 attempts, to two decimals;
 * null where there are no attempts to divide by. Centres in id order: every centre with attempts or cases in the
 * period.
 *
 * <p><b>The flag.</b> Cases are rare events among attempts, so under the hypothesis that a centre asks at the
 * national rate {@code λ} (cases per attempt, the centre's own included) its count over its {@code n} attempts is
 * Poisson with mean {@code λn}, and its rate has the standard error {@code sqrt(λ / n)}. A measure is
 * {@code flagged} when the centre has at least {@link #MINIMUM_ATTEMPTS} attempts, its rate is more than two standard
 * errors above the national rate, and a count at least as high as the centre's has a probability below
 * {@link #SIGNIFICANCE} at the national rate (the exact Poisson tail). Two standard errors is the rule of the pass
 * rates, one-sided at about 2.3 %; the exact tail is there because counts of rare cases are small, and with a few
 * cases expected the normal approximation behind "two standard errors" calls far too much unusual (at 0.4 expected,
 * 2 cases are above two standard errors, yet happen by chance 6 times in 100). With many cases expected the two
 * conditions agree. The flag compares unrounded figures.
 */
public record FairAccess(
        String centreId, String qualificationCode, LocalDate from, LocalDate to, National national, List<Row> centres) {

    /** As for pass rates: fewer attempts than this are never flagged, however many cases. */
    public static final int MINIMUM_ATTEMPTS = PassRates.MINIMUM_ATTEMPTS;

    /** The one-sided probability below which a count is unusual at the national rate. */
    public static final double SIGNIFICANCE = 0.025;

    /** Every centre's attempts and cases in the scope (never narrowed to a centre). */
    public record National(
            long attempts,
            Total accessArrangements,
            Total specialConsiderations,
            Total resultEnquiries,
            Total appeals) {}

    /** One measure nationally; {@code rate} per 100 attempts, null without attempts. */
    public record Total(long count, long decided, long favourable, Double rate) {}

    public record Row(
            String centreId,
            long attempts,
            Measure accessArrangements,
            Measure specialConsiderations,
            Measure resultEnquiries,
            Measure appeals) {}

    /**
     * One measure at one centre: its cases, its rate and the national rate per 100 attempts, and the standard error
     * {@code 100 sqrt(λ / n)} of its rate at the national rate (null without attempts at the centre or nationally).
     */
    public record Measure(
            long count,
            long decided,
            long favourable,
            Double rate,
            Double nationalRate,
            Double standardError,
            boolean flagged) {}
}
