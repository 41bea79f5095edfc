package org.awardinghub.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The awarding organisation's sign-in rules; defaults as its policies set them. {@code failedSignInAnswerTime}
 * is how long every refused sign-in takes to answer, so that timing tells an unknown PIN from a real one no
 * better than the answer does.
 */
@ConfigurationProperties("awarding.security")
public record SecurityPolicy(
        Duration sessionIdle,
        Duration sessionAbsolute,
        int lockoutFailures,
        Duration lockoutDuration,
        Duration activationTokenValidity,
        Duration resetTokenValidity,
        int bcryptCost,
        Duration failedSignInAnswerTime) {}
