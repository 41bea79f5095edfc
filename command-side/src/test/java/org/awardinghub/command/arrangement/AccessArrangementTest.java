package org.awardinghub.command.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessArrangementTest {

    static final String ARRANGEMENT = "arrangement-1";
    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final String ADMIN = "user-admin";
    static final String ADMIN_PIN = "34567890";
    static final String IMI = "user-imi";
    static final String IMI_PIN = "67890123";
    static final String REASON = "Slow processing speed, assessed by the centre's SENCo";
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final ArrangementEvidence EVIDENCE =
            new ArrangementEvidence("form8.pdf", "application/pdf", 1234, "a".repeat(64));

    LookupDatabase database;
    FixtureConfiguration<AccessArrangement> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        CandidateDirectory candidates = database.lookup(CandidateDirectory.class);
        UserDirectory users = database.lookup(UserDirectory.class);
        ArrangementDirectory arrangements = database.lookup(ArrangementDirectory.class);
        database.apply(new CandidateRegistered(
                CANDIDATE,
                CENTRE,
                "7KQ3MZ9B",
                "Zoë",
                "O'Brien",
                LocalDate.parse("2005-04-17"),
                null,
                "MVR-L2",
                LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-10"),
                false,
                false));
        database.apply(
                new UserCreated(ADMIN, ADMIN_PIN, "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserCreated(
                "user-coordinator",
                "45678902",
                "Cy Lee",
                "cy@northgate.ac.uk",
                Set.of(Role.CENTRE_COORDINATOR),
                CENTRE));
        database.apply(new UserCreated(
                "user-invigilator", "45678903", "Ivy Stone", "ivy@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "45678901",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN),
                "centre-2"));
        database.apply(new UserCreated(IMI, IMI_PIN, "Ian Bell", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));

        fixture = new AggregateTestFixture<>(AccessArrangement.class);
        fixture.registerInjectableResource(candidates);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(arrangements);
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static RequestAccessArrangement request(ArrangementKind kind, Integer percent, TextSize size, ColourScheme scheme) {
        return new RequestAccessArrangement(
                ARRANGEMENT, CANDIDATE, kind, percent, size, scheme, REASON, EVIDENCE, ADMIN);
    }

    static AccessArrangementRequested requested(ArrangementKind kind, Integer percent) {
        return new AccessArrangementRequested(
                ARRANGEMENT, CANDIDATE, CENTRE, kind, percent, null, null, REASON, EVIDENCE, ADMIN, ADMIN_PIN, NOW);
    }

    @Nested
    class RequestSpec {

        @Test
        void givenTwentyFivePercentExtraTime_whenRequested_thenApprovedAtOnceByThePolicy() {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.EXTRA_TIME, 25, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(ArrangementStatus.APPROVED)
                    .expectEvents(
                            requested(ArrangementKind.EXTRA_TIME, 25),
                            new AccessArrangementApproved(
                                    ARRANGEMENT,
                                    CANDIDATE,
                                    CENTRE,
                                    ArrangementKind.EXTRA_TIME,
                                    25,
                                    null,
                                    null,
                                    true,
                                    "Approved by policy: extra time of up to 25 % is a centre-delegated arrangement"
                                            + " (JCQ AARA; ADR 0153)",
                                    "system",
                                    null,
                                    NOW));
        }

        @Test
        void givenAColourScheme_whenRequestedByTheCoordinator_thenApprovedAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessArrangement(
                            ARRANGEMENT,
                            CANDIDATE,
                            ArrangementKind.COLOUR_SCHEME,
                            null,
                            null,
                            ColourScheme.CREAM,
                            REASON,
                            null,
                            "user-coordinator"))
                    .expectResultMessagePayload(ArrangementStatus.APPROVED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"READER", "SEPARATE_ROOM"})
        void givenAKindThatNeedsImi_whenRequested_thenPending(String kind) {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.valueOf(kind), null, null, null))
                    .expectResultMessagePayload(ArrangementStatus.PENDING)
                    .expectEvents(requested(ArrangementKind.valueOf(kind), null));
        }

        @Test
        void givenMoreThanTwentyFivePercent_whenRequested_thenPending() {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.EXTRA_TIME, 50, null, null))
                    .expectResultMessagePayload(ArrangementStatus.PENDING)
                    .expectEvents(requested(ArrangementKind.EXTRA_TIME, 50));
        }

        @Test
        void givenExtraTimeWithoutAPercentage_whenRequested_thenRefusedOnThatField() {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.EXTRA_TIME, null, null, null))
                    .expectException(InvalidField.named("extraTimePercent"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 4, 101})
        void givenAPercentageOutOfRange_whenRequested_thenRefused(int percent) {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.EXTRA_TIME, percent, null, null))
                    .expectException(InvalidField.named("extraTimePercent"))
                    .expectNoEvents();
        }

        @Test
        void givenASettingForAnotherKind_whenRequested_thenRefusedOnThatField() {
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.READER, null, TextSize.LARGE, null))
                    .expectException(InvalidField.named("textSize"))
                    .expectNoEvents();
        }

        @Test
        void givenNoReason_whenRequested_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessArrangement(
                            ARRANGEMENT, CANDIDATE, ArrangementKind.READER, null, null, null, " ", null, ADMIN))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"user-elsewhere", "user-invigilator", "user-imi", "user-unknown"})
        void givenSomeoneOtherThanTheCentresAdminOrCoordinator_whenRequested_thenRefused(String userId) {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessArrangement(
                            ARRANGEMENT, CANDIDATE, ArrangementKind.READER, null, null, null, REASON, null, userId))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenAWithdrawnCandidate_whenRequested_thenRefused() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.READER, null, null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenNoSuchCandidate_whenRequested_thenUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessArrangement(
                            ARRANGEMENT, "nobody", ArrangementKind.READER, null, null, null, REASON, null, ADMIN))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenARequestOfTheSameKindAwaitingImi_whenRequestedAgain_thenRefused() {
            database.apply(new AccessArrangementRequested(
                    "earlier",
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.READER,
                    null,
                    null,
                    null,
                    REASON,
                    null,
                    ADMIN,
                    ADMIN_PIN,
                    NOW));
            fixture.givenNoPriorActivity()
                    .when(request(ArrangementKind.READER, null, null, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate already has a READER request awaiting IMI's decision; wait for"
                            + " it before requesting another")
                    .expectNoEvents();
        }
    }

    @Nested
    class DecisionSpec {

        @Test
        void givenAPendingReader_whenImiApproves_thenApprovedWithWhoAndWhy() {
            fixture.given(requested(ArrangementKind.READER, null))
                    .when(new ApproveAccessArrangement(ARRANGEMENT, CANDIDATE, "Form 8 evidence seen", IMI))
                    .expectEvents(new AccessArrangementApproved(
                            ARRANGEMENT,
                            CANDIDATE,
                            CENTRE,
                            ArrangementKind.READER,
                            null,
                            null,
                            null,
                            false,
                            "Form 8 evidence seen",
                            IMI,
                            IMI_PIN,
                            NOW));
        }

        @Test
        void givenAPendingReader_whenImiRejects_thenRejectedWithWhoAndWhy() {
            fixture.given(requested(ArrangementKind.READER, null))
                    .when(new RejectAccessArrangement(ARRANGEMENT, CANDIDATE, "No evidence of need", IMI))
                    .expectEvents(new AccessArrangementRejected(
                            ARRANGEMENT,
                            CANDIDATE,
                            CENTRE,
                            ArrangementKind.READER,
                            "No evidence of need",
                            IMI,
                            IMI_PIN,
                            NOW));
        }

        @Test
        void givenADecidedArrangement_whenDecidedAgain_thenRefused() {
            fixture.given(
                            requested(ArrangementKind.READER, null),
                            new AccessArrangementRejected(
                                    ARRANGEMENT, CANDIDATE, CENTRE, ArrangementKind.READER, "No", IMI, IMI_PIN, NOW))
                    .when(new ApproveAccessArrangement(ARRANGEMENT, CANDIDATE, "Changed my mind", IMI))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The access arrangement is REJECTED; only a PENDING one can be approved")
                    .expectNoEvents();
        }

        @Test
        void givenAnotherCandidatesArrangement_whenDecided_thenUnknown() {
            fixture.given(requested(ArrangementKind.READER, null))
                    .when(new ApproveAccessArrangement(ARRANGEMENT, "candidate-2", "ok", IMI))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenNoReason_whenRejected_thenRefused() {
            fixture.given(requested(ArrangementKind.READER, null))
                    .when(new RejectAccessArrangement(ARRANGEMENT, CANDIDATE, null, IMI))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenACentreUser_whenApproving_thenRefused() {
            fixture.given(requested(ArrangementKind.READER, null))
                    .when(new ApproveAccessArrangement(ARRANGEMENT, CANDIDATE, "ok", ADMIN))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class WithdrawalSpec {

        static final String WHY = "The broken wrist has healed";

        AccessArrangementApproved approvedAtOnce() {
            return new AccessArrangementApproved(
                    ARRANGEMENT,
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.EXTRA_TIME,
                    25,
                    null,
                    null,
                    true,
                    "Approved by policy",
                    "system",
                    null,
                    NOW);
        }

        AccessArrangementWithdrawn withdrawn(ArrangementStatus was, boolean byImi, String userId, String pin) {
            return new AccessArrangementWithdrawn(
                    ARRANGEMENT, CANDIDATE, CENTRE, ArrangementKind.EXTRA_TIME, was, WHY, byImi, userId, pin, NOW);
        }

        @Test
        void givenAnApprovedArrangement_whenTheCentreWithdrawsIt_thenWithdrawnWithWhoAndWhy() {
            fixture.given(requested(ArrangementKind.EXTRA_TIME, 25), approvedAtOnce())
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, CANDIDATE, WHY, ADMIN))
                    .expectEvents(withdrawn(ArrangementStatus.APPROVED, false, ADMIN, ADMIN_PIN));
        }

        @Test
        void givenAPendingRequest_whenImiWithdrawsIt_thenWithdrawnByImi() {
            fixture.given(requested(ArrangementKind.EXTRA_TIME, 25))
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, CANDIDATE, WHY, IMI))
                    .expectEvents(withdrawn(ArrangementStatus.PENDING, true, IMI, IMI_PIN));
        }

        @Test
        void givenAWithdrawnOrRejectedArrangement_whenWithdrawn_thenRefused() {
            fixture.given(
                            requested(ArrangementKind.EXTRA_TIME, 25),
                            withdrawn(ArrangementStatus.PENDING, false, ADMIN, ADMIN_PIN))
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, CANDIDATE, WHY, ADMIN))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The access arrangement is WITHDRAWN; only a PENDING or APPROVED one can be withdrawn")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"user-elsewhere", "user-invigilator", "user-unknown"})
        void givenSomeoneOtherThanTheCentreOrImi_whenWithdrawing_thenRefused(String userId) {
            fixture.given(requested(ArrangementKind.EXTRA_TIME, 25), approvedAtOnce())
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, CANDIDATE, WHY, userId))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenNoReason_whenWithdrawing_thenRefusedOnThatField() {
            fixture.given(requested(ArrangementKind.EXTRA_TIME, 25), approvedAtOnce())
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, CANDIDATE, " ", ADMIN))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenAnotherCandidatesArrangement_whenWithdrawn_thenUnknown() {
            fixture.given(requested(ArrangementKind.EXTRA_TIME, 25))
                    .when(new WithdrawAccessArrangement(ARRANGEMENT, "candidate-2", WHY, ADMIN))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenAWithdrawnApproval_whenAnAttemptAsks_thenNotInForceAndTheKindCanBeRequestedAgain() {
            ArrangementDirectory arrangements = database.lookup(ArrangementDirectory.class);
            database.apply(requested(ArrangementKind.EXTRA_TIME, 25));
            database.apply(approvedAtOnce());
            assertThat(arrangements.inForce(CANDIDATE).extraTimePercent()).isEqualTo(25);

            database.apply(withdrawn(ArrangementStatus.APPROVED, false, ADMIN, ADMIN_PIN));

            assertThat(arrangements.inForce(CANDIDATE)).isEqualTo(Adjustments.NONE);
            assertThat(arrangements.pending(CANDIDATE, ArrangementKind.EXTRA_TIME))
                    .isFalse();
        }

        @Test
        void givenAWithdrawnPendingRequest_whenTheSameKindIsRequestedAgain_thenNotRefusedAsPending() {
            ArrangementDirectory arrangements = database.lookup(ArrangementDirectory.class);
            database.apply(requested(ArrangementKind.READER, null));
            assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER)).isTrue();

            database.apply(new AccessArrangementWithdrawn(
                    ARRANGEMENT,
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.READER,
                    ArrangementStatus.PENDING,
                    WHY,
                    false,
                    ADMIN,
                    ADMIN_PIN,
                    NOW));

            assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER)).isFalse();
            database.apply(new AccessArrangementRequested(
                    "arrangement-2",
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.READER,
                    null,
                    null,
                    null,
                    REASON,
                    null,
                    ADMIN,
                    ADMIN_PIN,
                    NOW));
            assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER))
                    .as("the key the withdrawn request held is free for the next")
                    .isTrue();
        }
    }

    @Test
    void givenThePolicy_whenAsked_thenOnlyReaderSeparateRoomAndMoreThanAQuarterWaitForImi() {
        assertThat(ArrangementPolicy.automaticApproval(ArrangementKind.EXTRA_TIME, 26))
                .isEmpty();
        assertThat(ArrangementPolicy.automaticApproval(ArrangementKind.READER, null))
                .isEmpty();
        assertThat(ArrangementPolicy.automaticApproval(ArrangementKind.SEPARATE_ROOM, null))
                .isEmpty();
        for (ArrangementKind kind : List.of(
                ArrangementKind.REST_BREAKS,
                ArrangementKind.SCREEN_READER,
                ArrangementKind.ENLARGED_TEXT,
                ArrangementKind.COLOUR_SCHEME)) {
            assertThat(ArrangementPolicy.automaticApproval(kind, null)).isPresent();
        }
    }
}
