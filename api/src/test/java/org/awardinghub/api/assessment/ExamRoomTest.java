package org.awardinghub.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;

/**
 * Exam day: a room of candidates presses Start at the same instant. Every start succeeds, none answers 5xx, and
 * other users' requests keep being answered meanwhile: no request waits for a second database connection from the
 * pool it already holds one of (the time limit's deadline joins the start's own transaction).
 */
class ExamRoomTest extends ApplicationTest {

    private static final int CANDIDATES = 100;

    @Test
    void givenOneHundredOpenAttempts_whenEveryCandidatePressesStartAtOnce_thenAllStartAndOthersKeepBeingAnswered()
            throws Exception {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        List<AssessmentSteps.Candidate> candidates = register(coordinator, centreId, qualification.code());
        List<String> keys = new ArrayList<>();
        for (AssessmentSteps.Candidate candidate : candidates) {
            keys.add(steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                    .get("accessKey")
                    .asText());
        }

        ExecutorService room = Executors.newFixedThreadPool(CANDIDATES + 1);
        try {
            CountDownLatch ready = new CountDownLatch(CANDIDATES);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpClientForTests.Response>> starts = new ArrayList<>();
            for (int i = 0; i < CANDIDATES; i++) {
                AssessmentSteps.Candidate candidate = candidates.get(i);
                String key = keys.get(i);
                starts.add(CompletableFuture.supplyAsync(
                        () -> {
                            ready.countDown();
                            await(go);
                            return steps.start(candidate.registrationNumber(), key);
                        },
                        room));
            }
            // Another user of the system, reading their centre's candidates all the while.
            AtomicBoolean roomDone = new AtomicBoolean();
            List<Integer> otherStatuses = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> other = CompletableFuture.runAsync(
                    () -> {
                        await(go);
                        do {
                            otherStatuses.add(http.get("/api/centres/" + centreId + "/candidates", coordinator)
                                    .status());
                        } while (!roomDone.get());
                    },
                    room);

            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            roomDone.set(true);
            other.get(30, TimeUnit.SECONDS);

            List<String> failures = starts.stream()
                    .map(CompletableFuture::join)
                    .filter(response -> response.status() != 200)
                    .map(Object::toString)
                    .toList();
            assertThat(failures).as("starts that did not succeed").isEmpty();
            assertThat(starts.stream()
                            .map(start -> start.join().json().get("attemptId").asText())
                            .distinct())
                    .hasSize(CANDIDATES);
            assertThat(otherStatuses)
                    .as("another user's reads while the room started")
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status).isEqualTo(200));

            // Every candidate can go on: the first answer of each is taken.
            for (CompletableFuture<HttpClientForTests.Response> start : starts) {
                JsonNode started = start.join().json();
                JsonNode question = started.get("questions").get(0);
                assertThat(steps.answer(started, question, AssessmentSteps.option(question, "Right"))
                                .status())
                        .isEqualTo(204);
            }
        } finally {
            room.shutdownNow();
        }
    }

    /** The room's candidates, registered in one file as a centre would. */
    private List<AssessmentSteps.Candidate> register(String coordinator, String centreId, String qualificationCode) {
        StringBuilder csv = new StringBuilder("firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\n");
        for (int i = 0; i < CANDIDATES; i++) {
            csv.append("Robin,Room")
                    .append(AssessmentSteps.lettersOnly(unique()))
                    .append(",2005-04-03,,")
                    .append(qualificationCode)
                    .append(',')
                    .append(java.time.LocalDate.now())
                    .append('\n');
        }
        var registered = http.postRaw(
                "/api/centres/" + centreId + "/candidates/bulk",
                coordinator,
                "text/csv; charset=utf-8",
                csv.toString());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("accepted")).hasSize(CANDIDATES);
        List<AssessmentSteps.Candidate> candidates = new ArrayList<>();
        registered
                .json()
                .get("accepted")
                .forEach(accepted -> candidates.add(new AssessmentSteps.Candidate(
                        accepted.get("candidateId").asText(),
                        accepted.get("registrationNumber").asText())));
        return candidates;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
