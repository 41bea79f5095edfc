package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awardinghub.api.appeal.PostResultsPages;
import org.awardinghub.api.arrangement.ArrangementPages;
import org.awardinghub.api.assessment.CandidateTestPage;
import org.awardinghub.api.invigilation.ExamRoomPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One candidate's fair access from end to end, in the browser, each person on their own pages (issue 18): the
 * centre admin requests 25 % extra time and a colour scheme (approved at once by policy) and a separate room, which
 * IMI approves; the candidate's test opens in the colour scheme with the time extended; the invigilator pauses it
 * for a fire alarm, records the incident and resumes it ten minutes later, the end moved by the time paused; the
 * candidate fails. The coordinator applies for special consideration naming the incident, IMI notes it on the
 * record; the coordinator asks for a review (confirmed) and appeals, IMI upholds the appeal and the record shows the
 * pass. IMI's Outbox holds each decision's email once, for the people it is for, and none for the arrangements the
 * policy approved.
 */
class FairAccessJourneyBrowserTest extends ApplicationTest {

    private static final int MINUTES = 30;
    /** 30 minutes and 25 %. */
    private static final Duration EXTENDED = Duration.ofMinutes(37).plusSeconds(30);

    private static final Duration FIRE_ALARM = Duration.ofMinutes(10);

    @Test
    void givenArrangements_whenPausedConsideredAndAppealed_thenThePassIsRecordedAndEachDecisionEmailedOnce() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(MINUTES);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff centreAdmin = steps.user(centreId, "CENTRE_ADMIN");
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(centreAdmin.token(), centreId, qualification.code());
        String number = candidate.registrationNumber();
        String record = "/#/candidates/" + candidate.candidateId();
        JsonNode registered = awaitJson(
                "/api/candidates/" + candidate.candidateId(), centreAdmin.token(), json -> json.has("candidateId"));
        String name = registered.get("firstName").asText() + " "
                + registered.get("lastName").asText();
        // what the centre writes: it also finds this test's own rows in IMI's queues, which every centre's items share
        String incident = "Fire alarm in the separate room during question 2: the candidate was evacuated";
        String circumstances = "Evacuated by a fire alarm half-way; unsettled on return (" + number + ")";
        String appealReasons = "Question 3's wording allows two right answers (" + number + ")";

        try (WebUi staff = WebUi.open(port)) {
            // 1. the centre asks; the policy approves extra time and a colour scheme at once, IMI the separate room
            staff.signIn(centreAdmin.pin(), GOOD_PASSWORD);
            staff.visit(record).waitForText("Request an access arrangement");
            assertThat(ArrangementPages.requestExtraTime(staff, 25, "Slow processing speed, assessed by the centre"))
                    .contains("Approved", "By policy");
            assertThat(ArrangementPages.requestColourScheme(
                            staff, "Dark on cream", "Visual stress with black on white"))
                    .contains("Approved", "By policy");
            assertThat(ArrangementPages.request(staff, "A separate room", "Anxiety in a full exam hall", null))
                    .contains("Awaiting IMI");
            staff.press("Sign out").waitForHeading("Sign in");
            staff.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ArrangementPages.approve(
                    staff, "(PIN " + centreAdmin.pin() + ")", "The centre's assessment of need is on file");
            staff.press("Sign out").waitForHeading("Sign in");

            // 2. the candidate starts: in the colour scheme, with the time extended by 25 %
            JsonNode opened =
                    steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode());
            String attempt =
                    "/api/assessment-attempts/" + opened.get("attemptId").asText();
            staff.signIn(invigilator.pin(), GOOD_PASSWORD);
            try (WebUi sitter = WebUi.open(port)) {
                CandidateTestPage.start(sitter, number, opened.get("accessKey").asText());
                sitter.wait(driver -> "CREAM".equals(CandidateTestPage.display(sitter, "colourScheme")) ? true : null);
                assertThat(sitter.waitForText("Your access arrangements"))
                        .contains("25% extra time, included in the time shown", "a separate room");
                JsonNode started = awaitJson(attempt, invigilator.token(), json -> json.hasNonNull("endsAt"));
                Instant endsAt = Instant.parse(started.get("endsAt").asText());
                assertThat(Duration.between(
                                Instant.parse(started.get("startedAt").asText()), endsAt))
                        .as("the sitting's end: %d minutes and 25 %%", MINUTES)
                        .isEqualTo(EXTENDED);
                int shown = CandidateTestPage.secondsLeft(sitter);
                int allowed = (int) EXTENDED.toSeconds();
                assertThat(shown).as("the countdown starts from 37:30").isBetween(allowed - 20, allowed);
                assertThat(shown)
                        .as("the countdown runs to the sitting's end")
                        .isCloseTo(
                                (int) Duration.between(clock.instant(), endsAt).toSeconds(), within(3));
                CandidateTestPage.answer(sitter, "Right");
                sitter.screenshot("journey-test-cream");

                // 3. a fire alarm: the invigilator pauses the test, records the incident, resumes ten minutes on
                ExamRoomPage.open(staff, number);
                ExamRoomPage.pause(staff, number, "Fire alarm: the separate room is evacuated");
                assertThat(CandidateTestPage.pausedNotice(sitter)).contains("Paused by the invigilator");
                assertThat(sitter.all("#questions input, #submit-test"))
                        .as("the answers and the submit button wait for the invigilator")
                        .isNotEmpty()
                        .noneMatch(WebElement::isEnabled);
                int frozen = CandidateTestPage.secondsLeft(sitter);
                ExamRoomPage.recordIncident(staff, number, incident);
                clock.advance(FIRE_ALARM);
                ExamRoomPage.resume(staff, number);
                sitter.wait(
                        driver -> driver.findElements(By.id("paused-notice")).isEmpty() ? true : null);
                JsonNode resumed = awaitJson(
                        attempt,
                        invigilator.token(),
                        json -> json.path("pauses").path(0).hasNonNull("resumedAt"));
                long pausedMillis =
                        resumed.get("pauses").get(0).get("pausedMillis").asLong();
                assertThat(Duration.ofMillis(pausedMillis)).isGreaterThanOrEqualTo(FIRE_ALARM);
                assertThat(Instant.parse(resumed.get("endsAt").asText()))
                        .as("the end moved by the time paused")
                        .isEqualTo(endsAt.plusMillis(pausedMillis));
                assertThat(CandidateTestPage.secondsLeft(sitter))
                        .as("the countdown runs on from where it stood: the ten minutes paused are not lost")
                        .isBetween(frozen - 30, frozen);

                // two right of four: a fail (the pass mark is 75 %)
                for (String answer : List.of("Right", "Wrong", "Wrong")) {
                    sitter.press("Next");
                    CandidateTestPage.answer(sitter, answer);
                }
                CandidateTestPage.submit(sitter);
                assertThat(sitter.driver().findElement(By.id("result-outcome")).getText())
                        .isEqualTo("FAIL");
                assertThat(sitter.driver().findElement(By.id("result-score")).getText())
                        .isEqualTo("You scored 2 out of 4 (50%).");
            }
            staff.press("Sign out").waitForHeading("Sign in");

            // 4. special consideration, naming the incident; IMI notes it on the record
            staff.signIn(coordinator.pin(), GOOD_PASSWORD);
            staff.visit(record).waitForText("Special consideration and reviews of results");
            PostResultsPages.apply(
                    staff,
                    "An incident in the room (fire alarm, disruption, technical failure)",
                    incident,
                    circumstances);
            staff.press("Sign out").waitForHeading("Sign in");
            staff.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            String noted = "The invigilator's record shows the time was restored in full";
            PostResultsPages.decideConsideration(
                    staff, circumstances, "Note it on the record; the result stands", noted);
            staff.choose("Show", "Decided");
            assertThat(staff.row(circumstances)).contains("Noted on the record — " + noted);
            staff.waitForText("Incident recorded in the room (PIN " + invigilator.pin() + "): Disruption");
            assertThat(staff.row(circumstances))
                    .as("IMI reads the incident named")
                    .contains(incident);
            staff.press("Sign out").waitForHeading("Sign in");

            // 5. the centre sees the decision, asks for a review, appeals; IMI upholds it with a pass
            staff.signIn(coordinator.pin(), GOOD_PASSWORD);
            staff.visit(record);
            staff.waitForText("Noted on the record — " + noted);
            assertThat(PostResultsPages.askForReview(staff, "The candidate is sure of three answers"))
                    .contains("Clerical re-check: result confirmed");
            PostResultsPages.appeal(staff, appealReasons);
            staff.press("Sign out").waitForHeading("Sign in");
            staff.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            PostResultsPages.upholdAppeal(
                    staff, appealReasons, "Pass", 3, "Question 3 defective: credited to every candidate");
            staff.press("Sign out").waitForHeading("Sign in");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "PASS"
                            .equals(http.get(attempt, coordinator.token())
                                    .json()
                                    .path("result")
                                    .path("outcome")
                                    .asText()));
            staff.signIn(coordinator.pin(), GOOD_PASSWORD);
            staff.visit(record);
            staff.waitForText("Appeal upheld: PASS 3 / 4 — Question 3 defective");
            assertThat(staff.row(qualification.assessmentCode()))
                    .as("the result on the candidate's record")
                    .contains("3 / 4 (75%)", "PASS");
            staff.screenshot("journey-record");
            staff.press("Sign out").waitForHeading("Sign in");

            // 6. the emails, in IMI's Outbox: each decision once, to the people it is for
            String arrangementApproved = "Access arrangement approved for " + name + ": a separate room";
            String considered = "Special consideration for " + name + " (" + qualification.assessmentCode()
                    + ") decided: result stands, noted on the record";
            String appealUpheld = "Appeal for " + name + " (" + qualification.assessmentCode() + ") upheld";
            awaitEmail(admin, coordinator.email(), appealUpheld);
            staff.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            staff.press("Outbox").waitForHeading("Outbox");
            assertThat(subjectsAbout(staff, coordinator.email(), name))
                    .as("the coordinator: every decision, the re-check's confirmation and the policy's approvals not")
                    .containsExactly(appealUpheld, considered, arrangementApproved);
            assertThat(subjectsAbout(staff, centreAdmin.email(), name))
                    .as("the centre admin: the arrangement they requested, which IMI decided")
                    .containsExactly(arrangementApproved);
            assertThat(subjectsAbout(staff, invigilator.email(), name)).isEmpty();
            staff.screenshot("journey-outbox");
        }
    }

    /** Waits until the notifications processor has sent the email (the outbox as an IMI admin reads it). */
    private void awaitEmail(String admin, String to, String subject) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> StreamSupport.stream(
                                http.get("/api/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), admin)
                                        .json()
                                        .spliterator(),
                                false)
                        .anyMatch(email -> subject.equals(email.get("subject").asText())));
    }

    /**
     * On the Outbox page: the subjects, newest first, of the emails sent to the address that name the candidate. The
     * page is drawn again for the address; until then it shows the emails of the address asked before.
     */
    private static List<String> subjectsAbout(WebUi imi, String email, String candidateName) {
        imi.fill("To (email address)", email).press("Show");
        imi.wait(driver -> {
            List<WebElement> addressees = driver.findElements(By.cssSelector("#main section.panel p.hint strong"));
            return !addressees.isEmpty()
                            && addressees.stream().allMatch(to -> to.getText().equals(email))
                    ? true
                    : null;
        });
        return imi.all("#main section.panel h2").stream()
                .map(WebElement::getText)
                .filter(subject -> subject.contains(candidateName))
                .toList();
    }
}
