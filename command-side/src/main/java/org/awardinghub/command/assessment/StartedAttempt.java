package org.awardinghub.command.assessment;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStarted;

/**
 * What starting answers: the attempt token in clear (the only time it is seen; it is kept hashed), the end time
 * and the form. The form's questions carry no answer key; the API shows the candidate only the question and
 * option ids and texts.
 */
public record StartedAttempt(
        String attemptId, String attemptToken, Instant endsAt, List<AttemptStarted.Question> questions) {}
