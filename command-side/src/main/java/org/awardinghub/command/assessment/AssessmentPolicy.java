package org.awardinghub.command.assessment;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The awarding organisation's rules on online assessments, with its defaults:
 * <ul>
 *   <li>{@code awarding.assessment.resit-after} (48h): a re-sit opens no earlier than this after a FAILED attempt
 *   was submitted;</li>
 *   <li>{@code awarding.assessment.access-key-valid-for} (2h): how long an access key may be used to start;</li>
 *   <li>{@code awarding.assessment.token-grace} (30m): how long after {@code endsAt} the attempt token still
 *   identifies the candidate, so that a late answer is told the time is up (409) rather than that they are
 *   unknown (401).</li>
 *   <li>{@code awarding.assessment.max-pause} (90m): the longest an invigilator's pause may last. A pause never
 *   resumed ends the attempt at this length: it is submitted as it stood when paused (ADR 0154).</li>
 * </ul>
 * Values are durations as Spring Boot reads them ({@code 48h}, {@code 90m}, {@code PT2H}); a zero or negative one
 * stops the application at start-up.
 */
@Component
class AssessmentPolicy {

    public static final Duration DEFAULT_RESIT_AFTER = Duration.ofHours(48);
    public static final Duration DEFAULT_ACCESS_KEY_VALID_FOR = Duration.ofHours(2);
    public static final Duration DEFAULT_TOKEN_GRACE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofMinutes(90);

    private final Duration resitAfter;
    private final Duration accessKeyValidFor;
    private final Duration tokenGrace;
    private final Duration maxPause;

    @Autowired
    public AssessmentPolicy(
            @Value("${awarding.assessment.resit-after:48h}") Duration resitAfter,
            @Value("${awarding.assessment.access-key-valid-for:2h}") Duration accessKeyValidFor,
            @Value("${awarding.assessment.token-grace:30m}") Duration tokenGrace,
            @Value("${awarding.assessment.max-pause:90m}") Duration maxPause) {
        this.resitAfter = positive("awarding.assessment.resit-after", resitAfter);
        this.accessKeyValidFor = positive("awarding.assessment.access-key-valid-for", accessKeyValidFor);
        this.tokenGrace = positive("awarding.assessment.token-grace", tokenGrace);
        this.maxPause = positive("awarding.assessment.max-pause", maxPause);
    }

    /** With the default maximum pause. */
    public AssessmentPolicy(Duration resitAfter, Duration accessKeyValidFor, Duration tokenGrace) {
        this(resitAfter, accessKeyValidFor, tokenGrace, DEFAULT_MAX_PAUSE);
    }

    /** The policy with the awarding organisation's defaults. */
    public static AssessmentPolicy defaults() {
        return new AssessmentPolicy(
                DEFAULT_RESIT_AFTER, DEFAULT_ACCESS_KEY_VALID_FOR, DEFAULT_TOKEN_GRACE, DEFAULT_MAX_PAUSE);
    }

    public Duration resitAfter() {
        return resitAfter;
    }

    public Duration accessKeyValidFor() {
        return accessKeyValidFor;
    }

    public Duration tokenGrace() {
        return tokenGrace;
    }

    public Duration maxPause() {
        return maxPause;
    }

    private static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, not " + value);
        }
        return value;
    }
}
