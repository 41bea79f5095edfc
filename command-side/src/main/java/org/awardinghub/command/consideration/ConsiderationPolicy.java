package org.awardinghub.command.consideration;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long after a sitting a centre may apply for special consideration: {@code awarding.consideration.apply-within}
 * (7 days after the attempt was submitted, as JCQ asks for applications within seven days of the last assessment).
 * A zero or negative value stops the application at start-up.
 */
@Component
public class ConsiderationPolicy {

    public static final Duration DEFAULT_APPLY_WITHIN = Duration.ofDays(7);

    private final Duration applyWithin;

    public ConsiderationPolicy(@Value("${awarding.consideration.apply-within:7d}") Duration applyWithin) {
        if (applyWithin == null || applyWithin.isNegative() || applyWithin.isZero()) {
            throw new IllegalArgumentException(
                    "awarding.consideration.apply-within must be a positive duration, not " + applyWithin);
        }
        this.applyWithin = applyWithin;
    }

    public static ConsiderationPolicy defaults() {
        return new ConsiderationPolicy(DEFAULT_APPLY_WITHIN);
    }

    public Duration applyWithin() {
        return applyWithin;
    }
}
