package org.awardinghub.api.certification;

import java.time.Clock;
import org.awardinghub.api.security.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Public verification answers at most {@code awarding.certification.verify-per-minute} requests per client address
 * and minute, so that certificate numbers and codes cannot be tried in bulk.
 */
@Component
class VerifyRateLimit extends AddressRateLimit {

    VerifyRateLimit(
            JdbcTemplate jdbc, Clock clock, @Value("${awarding.certification.verify-per-minute:30}") int perMinute) {
        super(jdbc, clock, "verifications", perMinute, "awarding.certification.verify-per-minute");
    }
}
