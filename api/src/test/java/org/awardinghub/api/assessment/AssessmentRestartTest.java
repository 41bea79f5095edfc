package org.awardinghub.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.privacy.RetentionReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attempt's time limit is a persistent deadline: the application stops while a candidate sits a test, starts
 * again after the end time, and submits the attempt by the time limit with the answers given before the stop.
 */
public class AssessmentRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void givenAttemptInProgress_whenApplicationRestartsAfterItsEndTime_thenSubmittedByTheTimeLimit() {
        sitThenRestartAfterTheEndTime(dataDir, Map.of());
    }

    /** The whole story, on the stores the properties and profiles choose (also PostgreSQL's, in its own test). */
    public static void sitThenRestartAfterTheEndTime(Path dataDir, Map<String, String> properties, String... profiles) {
        String attemptId;
        try (RunningApplication first = RunningApplication.start(dataDir, properties, profiles)) {
            HttpClientForTests http = first.http();
            AssessmentSteps steps = new AssessmentSteps(http, adminToken(http), dataDir);
            Qualification qualification = steps.publish(1);
            String centreId = steps.centre(qualification.code());
            String invigilator = steps.user(centreId, "INVIGILATOR").token();
            Candidate candidate =
                    steps.register(steps.user(centreId, "CENTRE_ADMIN").token(), centreId, qualification.code());
            JsonNode started = steps.started(
                    candidate.registrationNumber(),
                    steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                            .get("accessKey")
                            .asText());
            steps.answerAll(started, 3);
            attemptId = started.get("attemptId").asText();
            assertThat(first.bean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name <> ?",
                                    Long.class,
                                    RetentionReview.TASK))
                    .as("the time limit, stored")
                    .isPositive();
        }

        Map<String, String> later = new HashMap<>(properties);
        later.put(RunningApplication.CLOCK_OFFSET, "2m");
        try (RunningApplication second = RunningApplication.start(dataDir, later, profiles)) {
            HttpClientForTests http = second.http();
            AssessmentSteps steps = new AssessmentSteps(http, adminToken(http), dataDir);
            JsonNode attempt = steps.awaitAttempt(adminToken(http), attemptId, "SUBMITTED");
            assertThat(attempt.get("submittedBy").asText()).isEqualTo("TIME_LIMIT");
            assertThat(attempt.get("result").get("score").asInt()).isEqualTo(3);
            assertThat(attempt.get("result").get("outcome").asText()).isEqualTo("PASS");
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
