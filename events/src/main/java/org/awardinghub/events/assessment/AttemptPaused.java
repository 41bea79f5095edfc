package org.awardinghub.events.assessment;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * The invigilator of the candidate's centre paused a running attempt: its clock stands still, and it takes no
 * answer and no submission until resumed. The attempt stays STARTED; who paused it (user id and PIN) and why
 * ({@code kind} and {@code reason}) are evidence for a later special consideration.
 */
@DataSubject("candidateId")
public record AttemptPaused(
        String attemptId,
        String candidateId,
        String centreId,
        PauseKind kind,
        @PersonalData String reason,
        String byUserId,
        String byPin,
        Instant pausedAt) {}
