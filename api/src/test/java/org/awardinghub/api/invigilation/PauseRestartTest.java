package org.awardinghub.api.invigilation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time limit honours a pause across restarts (ADR 0154): an attempt of one minute is paused, the application
 * stops and starts again five minutes later, long after the attempt's first end, and the attempt is still running,
 * paused; it is resumed, its end moves by the five minutes, and after one more restart past the moved end the time
 * limit submits it at exactly that end.
 */
class PauseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void givenAPausedAttempt_whenTheApplicationRestartsPastItsEndAndItIsResumed_thenTheTimeLimitKeepsTheMovedEnd()
            throws InterruptedException {
        String attemptId;
        String invigilatorPin;
        Instant endsAt;
        try (RunningApplication first = RunningApplication.start(dataDir, Map.of())) {
            HttpClientForTests http = first.http();
            AssessmentSteps steps = new AssessmentSteps(http, adminToken(http), dataDir);
            Qualification qualification = steps.publish(1);
            String centreId = steps.centre(qualification.code());
            AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
            invigilatorPin = invigilator.pin();
            Candidate candidate =
                    steps.register(steps.user(centreId, "CENTRE_ADMIN").token(), centreId, qualification.code());
            JsonNode started = steps.started(
                    candidate.registrationNumber(),
                    steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode())
                            .get("accessKey")
                            .asText());
            steps.answerAll(started, 2);
            attemptId = started.get("attemptId").asText();
            endsAt = Instant.parse(started.get("endsAt").asText());
            var paused = http.post(
                    "/api/assessment-attempts/" + attemptId + "/pause",
                    invigilator.token(),
                    Map.of("kind", "EMERGENCY", "reason", "Fire alarm"));
            assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        }

        Instant movedEnd;
        try (RunningApplication second =
                RunningApplication.start(dataDir, Map.of(RunningApplication.CLOCK_OFFSET, "5m"))) {
            HttpClientForTests http = second.http();
            String admin = adminToken(http);
            AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
            // the first end passed while stopped: the scheduler polls every second, and must find nothing to do
            Thread.sleep(3000);
            JsonNode attempt = steps.awaitAttempt(admin, attemptId, "STARTED");
            assertThat(attempt.get("paused").asBoolean()).as(attempt.toString()).isTrue();

            var resumed = http.post(
                    "/api/assessment-attempts/" + attemptId + "/resume", steps.signIn(invigilatorPin), Map.of());
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
            movedEnd = Instant.parse(resumed.json().get("endsAt").asText());
            assertThat(Duration.between(endsAt, movedEnd)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        }

        try (RunningApplication third =
                RunningApplication.start(dataDir, Map.of(RunningApplication.CLOCK_OFFSET, "10m"))) {
            HttpClientForTests http = third.http();
            String admin = adminToken(http);
            JsonNode attempt = new AssessmentSteps(http, admin, dataDir).awaitAttempt(admin, attemptId, "SUBMITTED");
            assertThat(attempt.get("submittedBy").asText()).isEqualTo("TIME_LIMIT");
            assertThat(Instant.parse(attempt.get("endsAt").asText())).isEqualTo(movedEnd);
            assertThat(Instant.parse(attempt.get("submittedAt").asText())).isEqualTo(movedEnd);
            assertThat(attempt.get("result").get("score").asInt()).isEqualTo(2);
            assertThat(attempt.get("pauses").get(0).get("pausedMillis").asLong())
                    .isEqualTo(Duration.between(endsAt, movedEnd).toMillis());
        }
    }

    private static String adminToken(HttpClientForTests http) {
        var signedIn = http.post(
                "/api/auth/login",
                null,
                Map.of("pin", ApplicationTest.ADMIN_PIN, "password", ApplicationTest.ADMIN_PASSWORD));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        return signedIn.json().get("token").asText();
    }
}
