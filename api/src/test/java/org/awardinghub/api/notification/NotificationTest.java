package org.awardinghub.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.AssessmentSteps.Staff;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.Outbox;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.Sanction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emails people wait for, end to end: a claim approved or rejected reaches the claimant and the centre's
 * coordinators, as each has chosen; a sanction reaches the centre's coordinators and admins; a reply from IMI reaches
 * who raised the request; IMI's decisions on access arrangements, special consideration and appeals reach who asked
 * and the centre's coordinators. Each email goes once, also when its event is handled again or the processor replays from
 * the first event.
 */
class NotificationTest extends ApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore events;

    @Autowired
    Notifier notifier;

    @Autowired
    TransactionTemplate transactions;

    private AssessmentSteps steps;
    private String admin;

    @BeforeEach
    void steps() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
    }

    @Test
    void givenWaitingClaims_whenImiApprovesOneAndRejectsTheOther_thenClaimantAndCoordinatorsAreToldAsEachChose() {
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code(), false);
        Staff claimant = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff otherCoordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff centreAdmin = steps.user(centreId, "CENTRE_ADMIN");
        Staff invigilator = steps.user(centreId, "INVIGILATOR");
        Staff elsewhere = steps.user(steps.centre(qualification.code(), false), "CENTRE_COORDINATOR");
        Candidate approved = steps.register(claimant.token(), centreId, qualification.code());
        Candidate rejected = steps.register(claimant.token(), centreId, qualification.code());
        for (Candidate candidate : List.of(approved, rejected)) {
            steps.sit(invigilator.token(), candidate, qualification.assessmentCode(), 4);
        }
        var turnedOff = http.put(
                "/api/me/notification-preferences",
                otherCoordinator.token(),
                Map.of("turnedOff", List.of("CLAIM_APPROVED")));
        assertThat(turnedOff.status()).as(turnedOff.toString()).isEqualTo(200);

        String approvedClaim = claim(claimant, approved);
        String rejectedClaim = claim(claimant, rejected);
        var approval = http.post("/api/certificate-claims/" + approvedClaim + "/approve", admin, Map.of());
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        String number = approval.json().get("certificateNumber").asText();
        var rejection = http.post(
                "/api/certificate-claims/" + rejectedClaim + "/reject",
                admin,
                Map.of("reason", "Evidence of identity missing"));
        assertThat(rejection.status()).as(rejection.toString()).isEqualTo(200);
        awaitNotificationsSent();

        List<JsonNode> toClaimant = notices(email(claimant));
        assertThat(toClaimant)
                .extracting(email -> email.get("subject").asText())
                .containsExactlyInAnyOrder(
                        "Certificate " + number + " issued for " + holderName(approvedClaim) + ": claim approved",
                        "Certificate claim for " + holderName(rejectedClaim) + " rejected");
        String rejectionBody = toClaimant.stream()
                .filter(email -> email.get("subject").asText().endsWith("rejected"))
                .findFirst()
                .orElseThrow()
                .get("body")
                .asText();
        assertThat(rejectionBody)
                .startsWith("Dear Alex Example,")
                .contains("The reason given: Evidence of identity missing")
                .contains("/#/certificates/claims/" + rejectedClaim)
                .doesNotContain("{");
        assertThat(Outbox.message(DATA_DIR, toClaimant.get(0).get("file").asText()))
                .contains("\r\nTo: " + email(claimant) + "\r\n");
        assertThat(notices(email(otherCoordinator)))
                .as("the other coordinator turned approvals off; a rejection cannot be")
                .extracting(email -> email.get("subject").asText())
                .containsExactly("Certificate claim for " + holderName(rejectedClaim) + " rejected");
        assertThat(notices(email(centreAdmin)))
                .as("claims are the coordinators' and the claimant's")
                .isEmpty();
        assertThat(notices(email(elsewhere)))
                .as("another centre learns nothing")
                .isEmpty();
    }

    @Test
    void givenImiDecisionsOnArrangementsConsiderationAndAppeal_thenWhoAskedAndCoordinatorsAreToldAsEachChose() {
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff optedOut = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff centreAdmin = steps.user(centreId, "CENTRE_ADMIN");
        Staff invigilator = steps.user(centreId, "INVIGILATOR");
        var turnedOff = http.put(
                "/api/me/notification-preferences",
                optedOut.token(),
                Map.of("turnedOff", List.of("ACCESS_ARRANGEMENT_APPROVED")));
        assertThat(turnedOff.status()).as(turnedOff.toString()).isEqualTo(200);
        Candidate arranged = steps.register(coordinator.token(), centreId, qualification.code());
        Candidate appealed = steps.register(coordinator.token(), centreId, qualification.code());

        // the centre admin requests: one the policy approves at once, two for IMI
        String arrangements = "/api/candidates/" + arranged.candidateId() + "/access-arrangements";
        arrangement(arrangements, centreAdmin, "EXTRA_TIME", "APPROVED");
        String reader = arrangement(arrangements, centreAdmin, "READER", "PENDING");
        String room = arrangement(arrangements, centreAdmin, "SEPARATE_ROOM", "PENDING");
        var approved = http.post(arrangements + "/" + reader + "/approve", admin, Map.of("reason", "Form 8 seen"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var rejected = http.post(arrangements + "/" + room + "/reject", admin, Map.of("reason", "No need shown"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        // a coordinator applies for special consideration, IMI notes it on the record
        String sat = steps.sit(invigilator.token(), arranged, qualification.assessmentCode(), 4)
                .get("attemptId")
                .asText();
        var applied = http.postMultipart(
                "/api/assessment-attempts/" + sat + "/special-considerations",
                coordinator.token(),
                Map.of("circumstance", "ILLNESS", "description", "Unwell during the sitting"),
                "letter.pdf",
                new byte[0]);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        var considered = http.post(
                "/api/special-considerations/"
                        + applied.json().get("considerationId").asText() + "/decision",
                admin,
                Map.of("decision", "NOTE_ON_RECORD", "reason", "Noted: the result stands"));
        assertThat(considered.status()).as(considered.toString()).isEqualTo(200);

        // a coordinator asks for a re-check (it confirms: no email), the centre admin appeals, IMI dismisses
        String failed = steps.sit(invigilator.token(), appealed, qualification.assessmentCode(), 2)
                .get("attemptId")
                .asText();
        String enquiries = "/api/assessment-attempts/" + failed + "/result-enquiries";
        var raised = http.post(enquiries, coordinator.token(), Map.of("reasons", "Sure of three answers"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String enquiryId = raised.json().get("enquiryId").asText();
        awaitJson(
                "/api/candidates/" + appealed.candidateId() + "/result-enquiries",
                centreAdmin.token(),
                json -> json.get("items").size() == 1);
        var lodged = http.post(
                enquiries + "/" + enquiryId + "/appeal", centreAdmin.token(), Map.of("reasons", "Two right answers"));
        assertThat(lodged.status()).as(lodged.toString()).isEqualTo(200);
        var dismissed = http.post(
                "/api/result-enquiries/" + enquiryId + "/decision",
                admin,
                Map.of("decision", "DISMISSED", "reason", "Only one answer is right"));
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        awaitNotificationsSent();

        assertThat(subjects(email(coordinator)))
                .extracting(NotificationTest::what)
                .containsExactlyInAnyOrder(
                        "Access arrangement approved: a reader",
                        "Access arrangement rejected: a separate room",
                        "Special consideration decided: result stands, noted on the record",
                        "Appeal dismissed");
        assertThat(subjects(email(optedOut)))
                .as("approvals turned off; a rejection and the decisions cannot be")
                .extracting(NotificationTest::what)
                .containsExactlyInAnyOrder(
                        "Access arrangement rejected: a separate room",
                        "Special consideration decided: result stands, noted on the record",
                        "Appeal dismissed");
        List<JsonNode> toRequester = notices(email(centreAdmin));
        assertThat(toRequester)
                .as("the centre admin requested the arrangements and lodged the appeal")
                .extracting(notice -> what(notice.get("subject").asText()))
                .containsExactlyInAnyOrder(
                        "Access arrangement approved: a reader",
                        "Access arrangement rejected: a separate room",
                        "Appeal dismissed");
        assertThat(toRequester)
                .filteredOn(notice -> notice.get("subject").asText().startsWith("Appeal"))
                .singleElement()
                .satisfies(notice -> assertThat(notice.get("body").asText())
                        .contains("The result stands: fail, score 2.")
                        .contains("The reason given: Only one answer is right")
                        .contains("/#/candidates/" + appealed.candidateId()));
        assertThat(notices(email(invigilator))).isEmpty();
    }

    private String arrangement(String path, Staff requester, String kind, String status) {
        MultipartForm form = new MultipartForm().field("kind", kind).field("reason", "Assessed need");
        if ("EXTRA_TIME".equals(kind)) {
            form.field("extraTimePercent", "25");
        }
        var requested = form.post(http, path, requester.token());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().get("status").asText()).isEqualTo(status);
        return requested.json().get("arrangementId").asText();
    }

    /** The subject without the candidate's name and assessment: "Appeal dismissed". */
    private static String what(String subject) {
        return subject.replaceFirst(" for [^:(]+?(?= \\(|:)", "").replaceFirst(" \\([^)]*\\)", "");
    }

    @Test
    void givenNotifiedEvents_whenHandledAgainAndReplayedFromTheFirstEvent_thenNoEmailIsSentTwice() {
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code(), false);
        Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff centreAdmin = steps.user(centreId, "CENTRE_ADMIN");
        Staff invigilator = steps.user(centreId, "INVIGILATOR");

        var raised = http.post(
                "/api/centres/" + centreId + "/requests",
                centreAdmin.token(),
                Map.of("kind", "REQUEST", "subject", "Extra assessment dates", "body", "Could we have two more?"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String requestId = raised.json().get("requestId").asText();
        var replied = http.post(
                "/api/centres/" + centreId + "/requests/" + requestId + "/replies",
                admin,
                Map.of("body", "Yes: 14 and 21 March."));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
        var sanctioned = http.post(
                "/api/centres/" + centreId + "/sanctions",
                admin,
                Map.of("sanction", "CERTIFICATION", "reason", "Claims under investigation"));
        assertThat(sanctioned.status()).as(sanctioned.toString()).isBetween(200, 204);
        var lifted = http.post(
                "/api/centres/" + centreId + "/sanctions/CERTIFICATION/lift",
                admin,
                Map.of("reason", "Investigation closed"));
        assertThat(lifted.status()).as(lifted.toString()).isBetween(200, 204);
        awaitNotificationsSent();

        List<String> sanctionNotices = List.of(
                "Sanction imposed on " + centreName(centreId) + ": claiming certificates suspended",
                "Sanction lifted from " + centreName(centreId) + ": claiming certificates allowed again");
        assertThat(subjects(email(coordinator))).containsExactlyInAnyOrderElementsOf(sanctionNotices);
        List<String> toAdmin = new ArrayList<>(sanctionNotices);
        toAdmin.add("IMI has replied to your request \"Extra assessment dates\"");
        assertThat(subjects(email(centreAdmin))).containsExactlyInAnyOrderElementsOf(toAdmin);
        assertThat(subjects(email(invigilator)))
                .as("sanctions are for coordinators and admins")
                .isEmpty();
        long before = outboxSize();

        DomainEventMessage<?> imposed = events.readEvents(centreId, 0)
                .asStream()
                .filter(message -> message.getPayload() instanceof CentreSanctionImposed)
                .findFirst()
                .orElseThrow();
        for (int delivery = 0; delivery < 2; delivery++) {
            transactions.executeWithoutResult(status -> notifier.on(imposed.getPayload(), imposed));
        }
        assertThat(outboxSize()).as("the same event handled twice more").isEqualTo(before);

        StreamingEventProcessor processor = processing
                .eventProcessor(Notifier.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
        awaitNotificationsSent();
        assertThat(outboxSize()).as("a replay from the first event").isEqualTo(before);
        assertThat(subjects(email(coordinator))).containsExactlyInAnyOrderElementsOf(sanctionNotices);
    }

    /**
     * Two nodes handling one event at the same moment (a segment taken over from a node that stalled mid-batch): the
     * second transaction either collides with the first on the event's record and rolls back, its email with it, or,
     * coming after the first committed, finds the event notified. Either way one email.
     */
    @Test
    void givenOneEventHandledInTwoTransactionsAtOnce_whenBothTryToCommit_thenOneEmailPerRecipient() throws Exception {
        String centreId = approvedCentre(admin);
        CreatedUser[] coordinator = new CreatedUser[1];
        activeUser(admin, admin, centreId, coordinator, "CENTRE_COORDINATOR");
        var event = new GenericDomainEventMessage<>(
                "Centre", centreId, 99, new CentreSanctionImposed(centreId, Sanction.REGISTRATIONS, "Audit pending"));
        awaitNotificationsSent();
        long before = outboxSize();

        CountDownLatch firstHandled = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = nodes.submit(() -> transactions.executeWithoutResult(status -> {
                notifier.on(event.getPayload(), event);
                firstHandled.countDown();
                await(secondStarted);
                pause(); // the second is inserting the same record meanwhile, and waits for this one's lock
            }));
            Future<?> second = nodes.submit(() -> {
                await(firstHandled);
                secondStarted.countDown();
                transactions.executeWithoutResult(status -> notifier.on(event.getPayload(), event));
            });
            first.get(30, TimeUnit.SECONDS);
            try {
                second.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException collided) {
                assertThat(collided.getCause())
                        .as("the second transaction collides on the event's record")
                        .isInstanceOf(DataAccessException.class);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(outboxSize()).isEqualTo(before + 1);
        assertThat(subjects(coordinator[0].email()))
                .hasSize(1)
                .allSatisfy(subject -> assertThat(subject).startsWith("Sanction imposed on "));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenAUser_whenChoosingNotifications_thenOnlyOptionalKindsTurnOffAndOnlyTheirOwn() {
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String other = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String path = "/api/me/notification-preferences";

        JsonNode initial = http.get(path, coordinator).json();
        assertThat(initial.get("kinds"))
                .allSatisfy(kind -> assertThat(kind.get("enabled").asBoolean()).isTrue());
        assertThat(setting(initial, "CENTRE_SANCTIONED").get("optional").asBoolean())
                .isFalse();
        assertThat(setting(initial, "CLAIM_APPROVED").get("optional").asBoolean())
                .isTrue();

        var changed = http.put(path, coordinator, Map.of("turnedOff", List.of("CLAIM_APPROVED", "HUB_REQUEST_CLOSED")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(setting(changed.json(), "CLAIM_APPROVED").get("enabled").asBoolean())
                .isFalse();
        assertThat(setting(http.get(path, coordinator).json(), "HUB_REQUEST_CLOSED")
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(setting(http.get(path, other).json(), "CLAIM_APPROVED")
                        .get("enabled")
                        .asBoolean())
                .as("another user's choice is their own")
                .isTrue();

        for (Object refused : List.of(
                Map.of("turnedOff", List.of("CENTRE_SANCTIONED")),
                Map.of("turnedOff", List.of("NO_SUCH_KIND")),
                Map.of(),
                Map.of("turnedOff", "CLAIM_APPROVED"))) {
            var response = http.put(path, coordinator, refused);
            assertThat(response.status()).as(refused + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(setting(http.get(path, coordinator).json(), "CLAIM_APPROVED")
                        .get("enabled")
                        .asBoolean())
                .as("a refused change changes nothing")
                .isFalse();
        assertThat(http.put(path, coordinator, Map.of("turnedOff", List.of()))
                        .json()
                        .get("kinds"))
                .allSatisfy(kind -> assertThat(kind.get("enabled").asBoolean()).isTrue());
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.put(path, null, Map.of("turnedOff", List.of())).status())
                .isEqualTo(401);
    }

    private String claim(Staff claimant, Candidate candidate) {
        var claimed = http.post(
                "/api/candidates/" + candidate.candidateId() + "/certificate-claims", claimant.token(), Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        return claimed.json().get("claimId").asText();
    }

    private String holderName(String claimId) {
        return awaitJson("/api/certificate-claims/" + claimId, admin, json -> json.hasNonNull("holderName"))
                .get("holderName")
                .asText();
    }

    private String centreName(String centreId) {
        return awaitJson("/api/centres/" + centreId, admin, json -> json.hasNonNull("name"))
                .get("name")
                .asText();
    }

    private String email(Staff staff) {
        return http.get("/api/me", staff.token()).json().get("email").asText();
    }

    private static JsonNode setting(JsonNode settings, String kind) {
        for (JsonNode setting : settings.get("kinds")) {
            if (kind.equals(setting.get("kind").asText())) {
                return setting;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + settings);
    }

    /** The emails to the address, but its activation email. */
    private List<JsonNode> notices(String address) {
        var outbox = http.get("/api/outbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8), admin);
        assertThat(outbox.status()).as(outbox.toString()).isEqualTo(200);
        List<JsonNode> notices = new ArrayList<>();
        outbox.json().forEach(email -> {
            if (!email.get("subject").asText().contains("activation link")) {
                notices.add(email);
            }
        });
        return notices;
    }

    private List<String> subjects(String address) {
        return notices(address).stream()
                .map(email -> email.get("subject").asText())
                .toList();
    }

    private long outboxSize() {
        return Long.parseLong(http.get("/api/outbox?page=0&size=1", admin).header("X-Total-Count"));
    }

    /** Until the notifications processor has handled every event stored so far. */
    private void awaitNotificationsSent() {
        StreamingEventProcessor processor = processing
                .eventProcessor(Notifier.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var head = events.createHeadToken();
                    long position = head == null ? -1 : head.position().orElse(-1);
                    return !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream()
                                    .allMatch(segment -> !segment.isErrorState()
                                            && segment.getCurrentPosition().orElse(-1) >= position);
                });
    }
}
