package org.awardinghub.command.appeal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadlines of a post-results review (ADR 0156), with the awarding organisation's defaults:
 * <ul>
 *   <li>{@code awarding.enquiry.raise-within} (30 days): an enquiry about a result, after the attempt was submitted
 *   (the result is issued at once);</li>
 *   <li>{@code awarding.enquiry.appeal-within} (14 days): an appeal, after the clerical re-check was completed.</li>
 * </ul>
 * A zero or negative value stops the application at start-up.
 */
@Component
public class EnquiryPolicy {

    public static final Duration DEFAULT_RAISE_WITHIN = Duration.ofDays(30);
    public static final Duration DEFAULT_APPEAL_WITHIN = Duration.ofDays(14);

    private final Duration raiseWithin;
    private final Duration appealWithin;

    public EnquiryPolicy(
            @Value("${awarding.enquiry.raise-within:30d}") Duration raiseWithin,
            @Value("${awarding.enquiry.appeal-within:14d}") Duration appealWithin) {
        this.raiseWithin = positive("awarding.enquiry.raise-within", raiseWithin);
        this.appealWithin = positive("awarding.enquiry.appeal-within", appealWithin);
    }

    public static EnquiryPolicy defaults() {
        return new EnquiryPolicy(DEFAULT_RAISE_WITHIN, DEFAULT_APPEAL_WITHIN);
    }

    public Duration raiseWithin() {
        return raiseWithin;
    }

    public Duration appealWithin() {
        return appealWithin;
    }

    private static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, not " + value);
        }
        return value;
    }
}
