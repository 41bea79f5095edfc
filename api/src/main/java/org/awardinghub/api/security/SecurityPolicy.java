package org.awardinghub.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The awarding organisation's sign-in rules; defaults as its policies set them (application.properties).
 *
 * <ul>
 *   <li>{@code failedSignInAnswerTime}, {@code passwordResetAnswerTime}: how long every refused sign-in and every
 *       reset request takes to answer at least, so that timing tells an unknown PIN from a real one no better than
 *       the answer does;</li>
 *   <li>{@code lockoutFailures} wrong passwords in a row for one PIN from one client address lock that PIN for
 *       {@code lockoutDuration}, from that address only: an attacker cannot lock a user out of their own
 *       sign-in;</li>
 *   <li>{@code signInFailuresPerMinute}, {@code passwordResetsPerMinute}: per client address, whatever the PIN;</li>
 *   <li>{@code resetResendAfter}: a user is sent at most one reset link in this time, however often one is
 *       asked for;</li>
 *   <li>{@code concurrentPasswordHashes}: at most this many bcrypt computations at once (0: half the processors,
 *       at least one), each waiting at most {@code passwordHashWait} for its turn, so that a flood of sign-ins
 *       cannot take every processor from the users already signed in.</li>
 * </ul>
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
        Duration failedSignInAnswerTime,
        int signInFailuresPerMinute,
        int passwordResetsPerMinute,
        Duration resetResendAfter,
        Duration passwordResetAnswerTime,
        int concurrentPasswordHashes,
        Duration passwordHashWait) {}
