package org.awardinghub.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Online assessments over HTTP: an invigilator opens, the candidate starts with the key, answers (changing some
 * answers), submits and gets an instant result; keys work once; answers after the end are refused; the time
 * limit submits by itself; re-sits wait 48 hours after a failure; a voided pass no longer counts; and nothing a
 * candidate receives tells which option is right.
 */
class AssessmentTest extends ApplicationTest {

    private AssessmentSteps steps;
    private String admin;
    private Qualification qualification;
    private String centreId;
    private String invigilator;
    private String invigilatorPin;
    private String coordinator;

    @BeforeEach
    void centreWithStaff() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
        centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff staff = steps.user(centreId, "INVIGILATOR");
        invigilator = staff.token();
        invigilatorPin = staff.pin();
        coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
    }

    @Test
    void givenInvigilatorOpensAttempt_whenCandidateAnswersChangesAndSubmits_thenInstantPassOnTheirRecord() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        String key = opened.get("accessKey").asText();
        assertThat(key).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}");
        assertThat(Duration.between(
                        clock.instant(), Instant.parse(opened.get("validUntil").asText())))
                .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));

        JsonNode started = steps.started(candidate.registrationNumber(), key.toLowerCase());
        assertThat(started.get("attemptId").asText())
                .isEqualTo(opened.get("attemptId").asText());
        assertThat(started.get("questions")).hasSize(AssessmentSteps.QUESTIONS);
        assertThat(Duration.between(
                        clock.instant(), Instant.parse(started.get("endsAt").asText())))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
        assertNoAnswerKey(started);

        JsonNode first = started.get("questions").get(0);
        assertThat(steps.answer(started, first, AssessmentSteps.option(first, "Wrong"))
                        .status())
                .isEqualTo(204);
        steps.answerAll(started, AssessmentSteps.QUESTIONS); // changes the first answer to the right one
        var submitted = steps.submit(started);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("score").asInt()).isEqualTo(4);
        assertThat(submitted.json().get("maxScore").asInt()).isEqualTo(4);
        assertThat(submitted.json().get("percent").asDouble()).isEqualTo(100.0);
        assertThat(submitted.json().get("outcome").asText()).isEqualTo("PASS");
        assertNoAnswerKey(submitted.json());

        String attemptId = started.get("attemptId").asText();
        JsonNode attempt = steps.awaitAttempt(coordinator, attemptId, "SUBMITTED");
        assertThat(attempt.get("result").get("outcome").asText()).isEqualTo("PASS");
        assertThat(attempt.get("marks"))
                .as("the centre sees the result, never which questions were right")
                .isEmpty();
        assertThat(attempt.get("submittedBy").asText()).isEqualTo("CANDIDATE");
        assertThat(steps.awaitAttempt(admin, attemptId, "SUBMITTED").get("marks"))
                .as("IMI staff see the marks")
                .hasSize(AssessmentSteps.QUESTIONS)
                .allSatisfy(mark -> assertThat(mark.get("correct").asBoolean()).isTrue());

        JsonNode record = awaitJson(
                "/api/candidates/" + candidate.candidateId(),
                coordinator,
                json -> json.path("results").size() == 1);
        assertThat(record.get("results").get(0).get("outcome").asText()).isEqualTo("PASS");
        assertThat(record.get("results").get(0).get("voided").asBoolean()).isFalse();

        JsonNode trail = awaitJson(
                "/api/assessment-attempts/" + attemptId + "/answer-trail",
                admin,
                json -> json.path("entries").size() >= AssessmentSteps.QUESTIONS + 4);
        // the form's seed, an int64, is written as a string: JavaScript would round it as a number (ADR 0148)
        assertThat(trail.get("seed").isTextual()).as(trail.toString()).isTrue();
        assertThat(Long.parseLong(trail.get("seed").asText())).isNotNull();
        List<JsonNode> answers = entries(trail, "ANSWERED");
        assertThat(answers).hasSize(AssessmentSteps.QUESTIONS + 1);
        assertThat(answers.get(1).get("previousOptionId").asText())
                .isEqualTo(answers.get(0).get("optionId").asText());
        assertThat(answers).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo(candidate.registrationNumber());
            assertThat(entry.get("clientAddress").asText()).isNotBlank();
        });
        assertThat(entries(trail, "OPENED").get(0).get("actor").asText()).isNotBlank();
    }

    @Test
    void givenAttemptsOpenedToday_whenTheCentresAttemptsListedByTheDaysOpened_thenFilteredAndBadRangesRefused() {
        for (int i = 0; i < 2; i++) {
            Candidate candidate = steps.register(coordinator, centreId, qualification.code());
            steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        String list = "/api/centres/" + centreId + "/assessment-attempts";

        JsonNode opened = awaitJson(
                list + "?openedFrom=" + today + "&openedTo=" + today + "&size=1",
                coordinator,
                json -> json.get("total").asInt() == 2);
        assertThat(opened.get("items")).hasSize(1);
        assertThat(http.get(list + "?status=OPENED&openedTo=" + today, coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.get(list + "?openedFrom=" + tomorrow, coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        var backwards = http.get(list + "?openedFrom=" + tomorrow + "&openedTo=" + today, coordinator);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("openedFrom");
        var notADate = http.get(list + "?openedTo=tomorrow", coordinator);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("errors").get(0).get("field").asText()).isEqualTo("openedTo");
        String otherCoordinator = steps.user(steps.centre(qualification.code()), "CENTRE_COORDINATOR")
                .token();
        assertThat(http.get(list + "?openedFrom=" + today, otherCoordinator).status())
                .isEqualTo(404);
    }

    @Test
    void givenPassMarkRaisedAfterOpening_whenSubmitted_thenMarkedAgainstThePassMarkWhenOpened() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        var raised = http.put(
                "/api/qualifications/" + qualification.code() + "/assessments/" + qualification.assessmentCode()
                        + "/pass-mark",
                admin,
                Map.of("passPercent", 100, "reason", "Standard raised"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        JsonNode started = steps.started(
                candidate.registrationNumber(), opened.get("accessKey").asText());
        steps.answerAll(started, 3);
        assertThat(steps.submit(started).json().get("outcome").asText())
                .as("3 of 4 against 75 %")
                .isEqualTo("PASS");

        Candidate next = steps.register(coordinator, centreId, qualification.code());
        JsonNode after = steps.started(
                next.registrationNumber(),
                steps.opened(invigilator, next.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        steps.answerAll(after, 3);
        assertThat(steps.submit(after).json().get("outcome").asText())
                .as("3 of 4 against 100 %")
                .isEqualTo("FAIL");
    }

    @Test
    void givenMarkedAttempts_whenItemStatisticsRead_thenFiguresPerItemInJsonAndCsvForImiOnly() {
        for (int right : new int[] {4, 1}) {
            Candidate candidate = steps.register(coordinator, centreId, qualification.code());
            JsonNode started = steps.started(
                    candidate.registrationNumber(),
                    steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                            .get("accessKey")
                            .asText());
            steps.answerAll(started, right);
            assertThat(steps.submit(started).status()).isEqualTo(200);
        }
        String path = "/api/reports/item-statistics?assessmentCode=" + qualification.assessmentCode();
        JsonNode report = awaitJson(path, admin, json -> json.path("attempts").asInt() == 2);
        assertThat(report.get("meanScore").asDouble()).isEqualTo(2.5);
        int drawn = 0;
        int right = 0;
        for (JsonNode item : report.get("items")) {
            drawn += item.get("attempts").asInt();
            right += (int) Math.round(
                    item.get("facility").asDouble() * item.get("attempts").asInt());
            assertThat(item.get("optionCounts")).hasSize(4);
        }
        assertThat(drawn).as("4 questions in each of 2 attempts").isEqualTo(8);
        assertThat(right).as("4 + 1 answered right").isEqualTo(5);
        assertThat(http.get(path + "&centreId=" + centreId, admin)
                        .json()
                        .get("attempts")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.get(path + "&centreId=" + steps.centre(qualification.code()), admin)
                        .json()
                        .get("attempts")
                        .asInt())
                .isZero();

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("assessmentCode,centreId,itemId,attempts,facility,discrimination,unanswered,"
                        + "option1,option2,option3,option4");
        assertThat(lines).hasSize(1 + report.get("items").size());
        assertThat(http.get(path, coordinator).status())
                .as("a centre never sees item statistics")
                .isEqualTo(403);
        assertThat(http.get("/api/reports/item-statistics?assessmentCode=NOPE-MCQ", admin)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/reports/item-statistics", admin).status()).isEqualTo(400);
    }

    @Test
    void givenSubmittedAttempt_whenCandidateAnswersOrSubmitsAgain_thenRefusedWithConflict() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode started = steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        steps.answerAll(started, 1);
        var failed = steps.submit(started);
        assertThat(failed.json().get("outcome").asText()).isEqualTo("FAIL");
        assertThat(failed.json().get("score").asInt()).isEqualTo(1);
        assertThat(failed.json().get("percent").asDouble()).isEqualTo(25.0);

        JsonNode question = started.get("questions").get(1);
        var late = steps.answer(started, question, AssessmentSteps.option(question, "Right"));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(steps.submit(started).status()).isEqualTo(409);
        JsonNode attempt =
                steps.awaitAttempt(coordinator, started.get("attemptId").asText(), "SUBMITTED");
        assertThat(attempt.get("result").get("score").asInt())
                .as("the late answer changed nothing")
                .isEqualTo(1);
    }

    @Test
    void givenAccessKey_whenWrongReusedOrExpired_thenStartingIsRefusedTheSameWay() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String key = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                .get("accessKey")
                .asText();
        String wrongKey = key.charAt(0) == 'A' ? "B" + key.substring(1) : "A" + key.substring(1);
        var wrong = steps.start(candidate.registrationNumber(), wrongKey);
        var otherCandidate = steps.start(
                steps.register(coordinator, centreId, qualification.code()).registrationNumber(), key);
        assertThat(List.of(wrong.status(), otherCandidate.status())).containsOnly(401);
        assertThat(wrong.json().get("detail")).isEqualTo(otherCandidate.json().get("detail"));

        assertThat(steps.start(candidate.registrationNumber(), key).status()).isEqualTo(200);
        var reused = steps.start(candidate.registrationNumber(), key);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("detail")).isEqualTo(wrong.json().get("detail"));

        Candidate late = steps.register(coordinator, centreId, qualification.code());
        JsonNode lateOpened = steps.opened(invigilator, late.candidateId(), qualification.assessmentCode());
        clock.advance(Duration.ofMinutes(121));
        var expired = steps.start(
                late.registrationNumber(), lateOpened.get("accessKey").asText());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        JsonNode lapsed =
                steps.awaitAttempt(adminToken(), lateOpened.get("attemptId").asText(), "EXPIRED");
        assertThat(lapsed.get("startedAt").isNull()).as("the key lapsed unused").isTrue();
    }

    @Test
    void givenARoomBehindOneAddress_whenItsWrongKeysPassTheMinutesLimit_thenStartingWaitsOnlyForTheNextMinute() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String key = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                .get("accessKey")
                .asText();
        clock.advance(Duration.ofMinutes(1)); // a minute of this address's own
        for (int i = 0; i < 30; i++) {
            assertThat(steps.start(String.format("ZZ%08d", i), "WRONGKEY00").status())
                    .as("wrong key " + i)
                    .isEqualTo(401);
        }

        var limited = steps.start(candidate.registrationNumber(), key);
        assertThat(limited.status()).as("the minute's wrong keys are spent").isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");

        clock.advance(Duration.ofMinutes(1));
        assertThat(steps.start(candidate.registrationNumber(), key).status())
                .as("a minute later the room starts again, not a quarter of an hour")
                .isEqualTo(200);
    }

    @Test
    void givenAStaffSession_whenStarting_thenRefusedAndTheCandidateWithoutOneIsNamedAsTheActor() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        String typed = candidate.registrationNumber().substring(0, 4) + "-"
                + candidate.registrationNumber().substring(4).toLowerCase();
        for (String staff : List.of(coordinator, invigilator)) {
            var underStaff = http.post(
                    "/api/assessment-attempts/start",
                    staff,
                    Map.of(
                            "registrationNumber",
                            typed,
                            "accessKey",
                            opened.get("accessKey").asText()));
            assertThat(underStaff.status())
                    .as("the invigilator holding the key cannot sit the test from their session")
                    .isEqualTo(403);
        }
        var started = http.post(
                "/api/assessment-attempts/start",
                null,
                Map.of(
                        "registrationNumber",
                        typed,
                        "accessKey",
                        opened.get("accessKey").asText()));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        JsonNode trail = awaitJson(
                "/api/assessment-attempts/" + opened.get("attemptId").asText() + "/answer-trail",
                admin,
                json -> !entries(json, "STARTED").isEmpty());
        assertThat(entries(trail, "STARTED").get(0).get("actor").asText()).isEqualTo(candidate.registrationNumber());
    }

    @Test
    void givenManyWrongKeysForOneCandidate_whenStartingAgain_thenLockedOutEvenWithTheRightKey() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String key = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                .get("accessKey")
                .asText();
        for (int i = 0; i < 10; i++) {
            assertThat(steps.start(candidate.registrationNumber(), "ZZZZZZZ" + (i % 8 + 2))
                            .status())
                    .isEqualTo(401);
        }
        var locked = steps.start(candidate.registrationNumber(), key);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(steps.start(candidate.registrationNumber(), key).status()).isEqualTo(200);
    }

    @Test
    void givenStartedAttemptLeftOpen_whenEndTimePasses_thenSubmittedAutomaticallyAndLateAnswersRefused() {
        Qualification short1 = steps.publish(1);
        String centre = steps.centre(short1.code());
        String shortInvigilator = steps.user(centre, "INVIGILATOR").token();
        Candidate candidate = steps.register(admin, centre, short1.code());
        JsonNode started = steps.started(
                candidate.registrationNumber(),
                steps.opened(shortInvigilator, candidate.candidateId(), short1.assessmentCode())
                        .get("accessKey")
                        .asText());
        steps.answerAll(started, 3);

        clock.advance(Duration.ofMinutes(2));
        JsonNode question = started.get("questions").get(3);
        assertThat(steps.answer(started, question, AssessmentSteps.option(question, "Right"))
                        .status())
                .as("an answer after the end time")
                .isEqualTo(409);
        JsonNode attempt = steps.awaitAttempt(admin, started.get("attemptId").asText(), "SUBMITTED");
        assertThat(attempt.get("submittedBy").asText()).isEqualTo("TIME_LIMIT");
        assertThat(attempt.get("result").get("score").asInt()).isEqualTo(3);
        assertThat(attempt.get("result").get("outcome").asText()).isEqualTo("PASS");
        assertThat(attempt.get("submittedAt").asText())
                .isEqualTo(attempt.get("endsAt").asText());
    }

    @Test
    void givenFailedAttempt_whenResitOpenedWithin48Hours_thenRefusedAndAllowedAfter() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        var second = steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode());
        assertThat(second.status()).as("one open attempt at a time: " + second).isEqualTo(409);

        JsonNode started = steps.started(
                candidate.registrationNumber(), opened.get("accessKey").asText());
        steps.answerAll(started, 2);
        assertThat(steps.submit(started).json().get("outcome").asText()).isEqualTo("FAIL");

        clock.advance(Duration.ofHours(47));
        invigilator = steps.signIn(invigilatorPin); // the session lapsed while the clock moved on
        var early = steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode());
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).containsIgnoringCase("re-sit");
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        invigilator = steps.signIn(invigilatorPin);
        JsonNode resit = steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode());
        assertThat(resit.get("attemptId").asText())
                .isNotEqualTo(opened.get("attemptId").asText());
    }

    @Test
    void givenPass_whenVoidedByImi_thenItNoLongerCountsAndTheRecordSaysSo() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode started = steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        steps.answerAll(started, 4);
        assertThat(steps.submit(started).json().get("outcome").asText()).isEqualTo("PASS");
        assertThat(steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .status())
                .as("no re-sit after a pass")
                .isEqualTo(409);

        String attemptId = started.get("attemptId").asText();
        String path = "/api/assessment-attempts/" + attemptId + "/void";
        assertThat(http.post(path, coordinator, Map.of("reason", "Malpractice")).status())
                .isEqualTo(403);
        assertThat(http.post(path, admin, Map.of("reason", " ")).status()).isEqualTo(400);
        var voided = http.post(path, admin, Map.of("reason", "Malpractice: notes found in the test room"));
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(http.post(path, admin, Map.of("reason", "again")).status()).isEqualTo(409);

        JsonNode record = awaitJson(
                "/api/candidates/" + candidate.candidateId(),
                coordinator,
                json -> json.path("results").path(0).path("voided").asBoolean());
        assertThat(record.get("results").get(0).get("voidReason").asText()).contains("Malpractice");
        assertThat(steps.awaitAttempt(admin, attemptId, "VOIDED")
                        .get("voidReason")
                        .asText())
                .contains("notes");
        assertThat(steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .status())
                .as("the voided pass counts for nothing: the candidate may sit again")
                .isEqualTo(201);
    }

    @Test
    void givenAttemptToken_whenUsedElsewhere_thenItOpensNothingButItsOwnAttempt() {
        Candidate one = steps.register(coordinator, centreId, qualification.code());
        Candidate two = steps.register(coordinator, centreId, qualification.code());
        JsonNode first = steps.started(
                one.registrationNumber(),
                steps.opened(invigilator, one.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        JsonNode second = steps.started(
                two.registrationNumber(),
                steps.opened(invigilator, two.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        String token = first.get("attemptToken").asText();
        String other = "/api/assessment-attempts/" + second.get("attemptId").asText();
        assertThat(http.post(other + "/submit", token, Map.of()).status()).isEqualTo(404);
        assertThat(http.get(other + "/sitting", token).status()).isEqualTo(404);
        assertThat(http.get("/api/candidates/" + one.candidateId(), token).status())
                .isEqualTo(403);
        assertThat(http.get("/api/assessment-attempts/" + first.get("attemptId").asText(), token)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/me", token).status()).isEqualTo(403);
        assertThat(http.post(other + "/submit", coordinator, Map.of()).status())
                .as("staff cannot submit for a candidate")
                .isEqualTo(403);
        assertThat(http.post(other + "/submit", "not-a-token", Map.of()).status())
                .isEqualTo(401);

        JsonNode question = first.get("questions").get(0);
        String chosen = AssessmentSteps.option(question, "Right");
        steps.answer(first, question, chosen);
        JsonNode sitting = awaitJson(
                "/api/assessment-attempts/" + first.get("attemptId").asText() + "/sitting",
                token,
                json -> chosen.equals(
                        json.path("questions").path(0).path("chosenOptionId").asText()));
        assertThat(sitting.get("secondsLeft").asLong()).isBetween(1L, 30L * 60);
        assertNoAnswerKey(sitting);
    }

    @Test
    void givenOpenRequests_whenInvalidOrNotAllowed_thenClearProblemsAndNothingOpened() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        var unknownAssessment = steps.open(invigilator, candidate.candidateId(), "LV2-U01-MCQ");
        assertThat(unknownAssessment.status()).as(unknownAssessment.toString()).isEqualTo(400);
        assertThat(unknownAssessment.json().get("errors").get(0).get("field").asText())
                .isEqualTo("assessmentCode");
        assertThat(steps.open(invigilator, candidate.candidateId(), " ").status())
                .isEqualTo(400);
        assertThat(steps.open(coordinator, candidate.candidateId(), qualification.assessmentCode())
                        .status())
                .as("only an invigilator opens")
                .isEqualTo(403);
        String otherCentre = steps.centre(qualification.code());
        String otherInvigilator = steps.user(otherCentre, "INVIGILATOR").token();
        assertThat(steps.open(otherInvigilator, candidate.candidateId(), qualification.assessmentCode())
                        .status())
                .as("another centre's candidate is unknown to them")
                .isEqualTo(404);

        http.post(
                "/api/candidates/" + candidate.candidateId() + "/withdraw",
                coordinator,
                Map.of("reason", "Left the course"));
        var withdrawn = steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode());
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(409);
        assertThat(withdrawn.json().get("detail").asText()).contains("WITHDRAWN");
        var malformed = http.post("/api/assessment-attempts/start", null, Map.of("registrationNumber", ""));
        assertThat(malformed.status()).isEqualTo(400);
    }

    /** Candidate-facing answers carry only these fields: nothing that could hold or hint at the answer key. */
    private static void assertNoAnswerKey(JsonNode json) {
        Set<String> allowed = Set.of(
                "attemptId",
                "attemptToken",
                "endsAt",
                "questions",
                "questionId",
                "stem",
                "options",
                "optionId",
                "text",
                "assessmentCode",
                "status",
                "startedAt",
                "secondsLeft",
                "submittedAt",
                "chosenOptionId",
                "result",
                "score",
                "maxScore",
                "percent",
                "outcome",
                // the candidate's own access arrangements applied to the attempt (ADR 0153)
                "adjustments",
                "extraTimePercent",
                "restBreaks",
                "reader",
                "screenReader",
                "textSize",
                "colourScheme",
                "separateRoom",
                // whether the invigilator has the test paused (ADR 0154)
                "paused",
                "pausedAt");
        Set<String> names = new HashSet<>();
        collectFieldNames(json, names);
        assertThat(allowed).containsAll(names);
        assertThat(json.toString())
                .doesNotContainIgnoringCase("correct")
                .doesNotContain("itemOption")
                .doesNotContain("itemId");
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                collectFieldNames(field.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectFieldNames(element, names));
        }
    }

    private static List<JsonNode> entries(JsonNode trail, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        trail.get("entries").forEach(entry -> {
            if (type.equals(entry.get("type").asText())) {
                found.add(entry);
            }
        });
        return found;
    }
}
