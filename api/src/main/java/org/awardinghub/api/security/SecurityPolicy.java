package org.awardinghub.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The awarding organisation's sign-in rules; defaults as its policies set them. */
@ConfigurationProperties("awarding.security")
public record SecurityPolicy(Duration sessionIdle, Duration sessionAbsolute, int lockoutFailures,
                             Duration lockoutDuration, Duration activationTokenValidity,
                             Duration resetTokenValidity, int bcryptCost) {
}
