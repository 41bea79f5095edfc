package org.awardinghub.command.candidate;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The awarding organisation's rule on timely registration: a candidate is registered within
 * {@code awarding.registration.late-after-days} (default 90) of the learning start date. A later registration
 * is accepted but marked late, which the compliance reports count as maladministration.
 */
@Component
class RegistrationPolicy {

    public static final int DEFAULT_LATE_AFTER_DAYS = 90;

    private final int lateAfterDays;

    public RegistrationPolicy(
            @Value("${awarding.registration.late-after-days:" + DEFAULT_LATE_AFTER_DAYS + "}") int lateAfterDays) {
        if (lateAfterDays < 0) {
            throw new IllegalArgumentException("awarding.registration.late-after-days must not be negative");
        }
        this.lateAfterDays = lateAfterDays;
    }

    public int lateAfterDays() {
        return lateAfterDays;
    }

    /** Registered more than the allowed days after the start date; on the last allowed day is still in time. */
    public boolean isLate(LocalDate startDate, LocalDate registeredOn) {
        return registeredOn.isAfter(startDate.plusDays(lateAfterDays));
    }
}
