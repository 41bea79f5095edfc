package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The steps of an online assessment through HTTP, against the shared test application or one a test starts
 * itself. The qualification is published by the test, so the test knows its answer key: every right option's text
 * begins "Right", every wrong one's "Wrong". The candidate-facing API never says which is which.
 */
public final class AssessmentSteps {

    public static final int QUESTIONS = 4;
    static final int PASS_PERCENT = 75;
    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    public record Qualification(String code, String assessmentCode) {}

    public record Candidate(String candidateId, String registrationNumber) {}

    /**
     * A signed-in centre user: the PIN signs them in again after a test moves the clock past their session; the
     * email address finds what they were sent in the outbox.
     */
    public record Staff(String pin, String token, String email) {}

    private final HttpClientForTests http;
    private final String admin;
    private final Path dataDir;

    public AssessmentSteps(HttpClientForTests http, String admin, Path dataDir) {
        this.http = http;
        this.admin = admin;
        this.dataDir = dataDir;
    }

    /** A qualification with one assessment: 4 questions drawn from 6 items of 4 options, pass mark 75 %. */
    public Qualification publish(int durationMinutes) {
        String code = "T" + unique().toUpperCase();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<String> options = new ArrayList<>(
                    List.of("Wrong answer " + i + ".1", "Wrong answer " + i + ".2", "Wrong answer " + i + ".3"));
            options.add(i % 4, "Right answer " + i);
            items.add(
                    Map.of("stem", "Question " + i + ": which is right?", "options", options, "correctOption", i % 4));
        }
        var published = http.post(
                "/api/qualifications",
                admin,
                Map.of(
                        "code",
                        code,
                        "title",
                        "Test " + code,
                        "level",
                        2,
                        "units",
                        List.of(Map.of("code", code + "-U1", "title", "Workshop safety")),
                        "assessments",
                        List.of(Map.of(
                                "code",
                                code + "-MCQ",
                                "title",
                                "Safety test",
                                "unitCode",
                                code + "-U1",
                                "questionCount",
                                QUESTIONS,
                                "durationMinutes",
                                durationMinutes,
                                "passPercent",
                                PASS_PERCENT,
                                "items",
                                items))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return new Qualification(code, code + "-MCQ");
    }

    /**
     * A qualification with two portfolio units ({@code <code>-P1}, {@code -P2}) of three criteria each (1.1–1.3,
     * 2.1–2.3) and one unit assessed by an MCQ ({@code <code>-MCQ}, 4 of 6 questions, pass mark 75 %).
     */
    public String publishWithPortfolio() {
        String code = "P" + unique().toUpperCase();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<String> options = new ArrayList<>(List.of("Wrong " + i + ".1", "Wrong " + i + ".2"));
            options.add(i % 3, "Right answer " + i);
            items.add(Map.of("stem", "Question " + i, "options", options, "correctOption", i % 3));
        }
        List<Map<String, Object>> criteria1 = List.of(
                Map.of("code", "1.1", "text", "Prepares"),
                Map.of("code", "1.2", "text", "Inspects"),
                Map.of("code", "1.3", "text", "Records"));
        List<Map<String, Object>> criteria2 = List.of(
                Map.of("code", "2.1", "text", "Gathers"),
                Map.of("code", "2.2", "text", "Locates"),
                Map.of("code", "2.3", "text", "Rectifies"));
        var published = http.post(
                "/api/qualifications",
                admin,
                Map.of(
                        "code",
                        code,
                        "title",
                        "Diagnostics " + code,
                        "level",
                        3,
                        "units",
                        List.of(
                                Map.of(
                                        "code",
                                        code + "-P1",
                                        "title",
                                        "Inspections",
                                        "portfolio",
                                        true,
                                        "criteria",
                                        criteria1),
                                Map.of(
                                        "code",
                                        code + "-P2",
                                        "title",
                                        "Electrical faults",
                                        "portfolio",
                                        true,
                                        "criteria",
                                        criteria2),
                                Map.of("code", code + "-M", "title", "Principles")),
                        "assessments",
                        List.of(Map.of(
                                "code",
                                code + "-MCQ",
                                "title",
                                "Principles test",
                                "unitCode",
                                code + "-M",
                                "questionCount",
                                4,
                                "durationMinutes",
                                20,
                                "passPercent",
                                75,
                                "items",
                                items))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return code;
    }

    /** The candidate's own account, created by the coordinator, activated through the emailed link, signed in. */
    public Staff candidateAccount(String coordinator, String candidateId) {
        String email = "learner-" + unique() + "@example.org";
        var created = http.post("/api/candidates/" + candidateId + "/account", coordinator, Map.of("email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String pin = created.json().get("pin").asText();
        activate(email);
        return new Staff(pin, signIn(pin), email);
    }

    /** An approved centre offering the qualification, without Direct Claim Status; answers its id. */
    public String centre(String qualificationCode) {
        return centre(qualificationCode, false);
    }

    /** An approved centre offering the qualification; answers its id. */
    public String centre(String qualificationCode, boolean directClaimStatus) {
        var created = http.post(
                "/api/centres",
                admin,
                Map.of(
                        "name",
                        "Exam Centre " + unique(),
                        "address",
                        "3 Test Street, Leeds",
                        "contactEmail",
                        "exams@" + unique() + ".example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String centreId = created.json().get("centreId").asText();
        var approved = http.post(
                "/api/centres/" + centreId + "/approve",
                admin,
                Map.of("qualificationCodes", List.of(qualificationCode), "directClaimStatus", directClaimStatus));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return centreId;
    }

    /** An approved centre offering the qualification, with a coordinator's and an invigilator's sessions. */
    public record ExamCentre(String centreId, String coordinator, String invigilator) {}

    public ExamCentre examCentre(String qualificationCode) {
        String centreId = centre(qualificationCode);
        return new ExamCentre(
                centreId,
                user(centreId, "CENTRE_COORDINATOR").token(),
                user(centreId, "INVIGILATOR").token());
    }

    /** A user of the centre with the role, activated through the emailed link and signed in. */
    public Staff user(String centreId, String role) {
        String email = role.toLowerCase() + "-" + unique() + "@centre.example";
        var created = http.post(
                "/api/centres/" + centreId + "/users",
                admin,
                Map.of("name", "Alex Example", "email", email, "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String pin = created.json().get("pin").asText();
        activate(email);
        return new Staff(pin, signIn(pin), email);
    }

    /** Sets the password through the activation link emailed to the address. */
    private void activate(String email) {
        var activated = http.post(
                "/api/auth/activate",
                null,
                Map.of("token", Outbox.token(http, admin, dataDir, email), "password", ApplicationTest.GOOD_PASSWORD));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(204);
    }

    public String signIn(String pin) {
        var signedIn =
                http.post("/api/auth/login", null, Map.of("pin", pin, "password", ApplicationTest.GOOD_PASSWORD));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        return signedIn.json().get("token").asText();
    }

    public Candidate register(String token, String centreId, String qualificationCode) {
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                token,
                Map.of(
                        "firstName",
                        "Robin",
                        "lastName",
                        "Candidate" + lettersOnly(unique()),
                        "dateOfBirth",
                        "2005-04-03",
                        "qualificationCode",
                        qualificationCode));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Candidate(
                registered.json().get("candidateId").asText(),
                registered.json().get("registrationNumber").asText());
    }

    public HttpClientForTests.Response open(String invigilator, String candidateId, String assessmentCode) {
        return http.post(
                "/api/candidates/" + candidateId + "/assessment-attempts",
                invigilator,
                Map.of("assessmentCode", assessmentCode));
    }

    /** Opens an attempt, expecting success; answers the response body (attemptId, accessKey, validUntil). */
    public JsonNode opened(String invigilator, String candidateId, String assessmentCode) {
        var opened = open(invigilator, candidateId, assessmentCode);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    public HttpClientForTests.Response start(String registrationNumber, String accessKey) {
        return http.post(
                "/api/assessment-attempts/start",
                null,
                Map.of("registrationNumber", registrationNumber, "accessKey", accessKey));
    }

    /** Starts with the key, expecting success; answers the response body (attemptId, token, endsAt, questions). */
    public JsonNode started(String registrationNumber, String accessKey) {
        var started = start(registrationNumber, accessKey);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json();
    }

    public HttpClientForTests.Response answer(JsonNode started, JsonNode question, String optionId) {
        return http.put(
                "/api/assessment-attempts/" + started.get("attemptId").asText() + "/answers/"
                        + question.get("questionId").asText(),
                started.get("attemptToken").asText(),
                Map.of("optionId", optionId));
    }

    /** Answers the first {@code rightOnes} questions right and the rest wrong. */
    public void answerAll(JsonNode started, int rightOnes) {
        int index = 0;
        for (JsonNode question : started.get("questions")) {
            String option = index++ < rightOnes ? option(question, "Right") : option(question, "Wrong");
            var answered = answer(started, question, option);
            assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
        }
    }

    /** The candidate sits the assessment with the invigilator and answers {@code right} questions right. */
    public JsonNode sit(String invigilator, Candidate candidate, String assessmentCode, int right) {
        JsonNode started = started(
                candidate.registrationNumber(),
                opened(invigilator, candidate.candidateId(), assessmentCode)
                        .get("accessKey")
                        .asText());
        answerAll(started, right);
        var submitted = submit(started);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return submitted.json();
    }

    /**
     * Opens and starts an attempt on which the first question is answered wrong and then right (one change from
     * wrong to right) and every question ends right; answers the started attempt, not yet submitted.
     */
    public JsonNode startedWithACorrection(String invigilator, Candidate candidate, String assessmentCode) {
        JsonNode started = started(
                candidate.registrationNumber(),
                opened(invigilator, candidate.candidateId(), assessmentCode)
                        .get("accessKey")
                        .asText());
        JsonNode first = started.get("questions").get(0);
        var wrong = answer(started, first, option(first, "Wrong"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(204);
        answerAll(started, QUESTIONS);
        return started;
    }

    /**
     * The invigilator records a fire alarm in the room against the attempt, at {@code now} (to the second): the
     * incident a special consideration names. Answers the incident's id.
     */
    public String fireAlarm(String invigilator, String centreId, String attemptId, java.time.Instant now) {
        var recorded = http.post(
                "/api/centres/" + centreId + "/incidents",
                invigilator,
                Map.of(
                        "attemptIds",
                        List.of(attemptId),
                        "kind",
                        "DISRUPTION",
                        "description",
                        "Fire alarm 10 minutes in; the room was evacuated",
                        "occurredAt",
                        now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json().get("incidentId").asText();
    }

    public HttpClientForTests.Response submit(JsonNode started) {
        return http.post(
                "/api/assessment-attempts/" + started.get("attemptId").asText() + "/submit",
                started.get("attemptToken").asText(),
                Map.of());
    }

    /** The id of the question's first option whose text begins with the word. */
    public static String option(JsonNode question, String word) {
        for (JsonNode option : question.get("options")) {
            if (option.get("text").asText().startsWith(word)) {
                return option.get("optionId").asText();
            }
        }
        throw new AssertionError("no option beginning " + word + " in " + question);
    }

    public JsonNode awaitAttempt(String token, String attemptId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = http.get("/api/assessment-attempts/" + attemptId, token);
                    last[0] = response.json();
                    return response.status() == 200
                            && status.equals(response.json().path("status").asText());
                });
        return last[0];
    }

    /** Names take letters only: each digit becomes a letter of its own (0 → g ... 9 → p), so names stay unique. */
    public static String lettersOnly(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.chars().forEach(c -> letters.append(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c));
        return letters.toString();
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
