package org.awardinghub.events.assessment;

import java.time.Instant;

/**
 * An invigilator opened an attempt for one candidate on one assessment. The access key is never here: only
 * until when it may be used. The assessment's rules in force at this moment (questions, time allowed, pass
 * mark) are copied in, so that a later change of the pass mark never changes this attempt's result.
 * {@code attemptNumber} counts this candidate's attempts at the assessment, this one included.
 */
public record AttemptOpened(
        String attemptId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        int attemptNumber,
        int questionCount,
        int durationMinutes,
        int passPercent,
        String invigilatorUserId,
        String invigilatorPin,
        Instant openedAt,
        Instant keyValidUntil) {}
