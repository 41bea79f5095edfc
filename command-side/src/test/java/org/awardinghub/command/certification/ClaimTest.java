package org.awardinghub.command.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.portfolio.PortfolioDirectory;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimTest {

    static final String CLAIM = "claim-1";
    static final String CANDIDATE = "candidate-1";
    static final String REGISTRATION_NUMBER = "7KQ3MZ9B";
    /** Approved for MVR-L2 and MVR-L3, without Direct Claim Status until a test grants it. */
    static final String CENTRE = "centre-1";

    static final String OTHER_CENTRE = "centre-2";
    static final String MVR_L2 = "MVR-L2";
    static final String MVR_L3 = "MVR-L3";
    static final String A1 = "MVR-L2-A1";
    static final String A2 = "MVR-L2-A2";
    static final String L3_A1 = "MVR-L3-A1";
    static final String ADMIN = "user-admin";
    static final String ADMIN_PIN = "34567890";
    static final String COORDINATOR = "user-coordinator";
    static final String COORDINATOR_PIN = "45678901";
    static final String HOLDER = "Zoë O'Brien-Łukasiewicz";
    static final String REASON = "Certificate lost in a house move";
    static final long NUMBER_SEED = 1201L;
    static final long CODE_SEED = 2412L;

    static final Instant NOW = Instant.parse("2026-12-01T10:15:30.250Z");
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    static final Instant LATER = NOW.plus(Duration.ofDays(9));
    static final LocalDate LATER_DAY = LocalDate.parse("2026-12-10");

    LookupDatabase database;
    CentreDirectory centres;
    CandidateDirectory candidates;
    UserDirectory users;
    QualificationDirectory catalogue;
    AttemptDirectory attempts;
    CertificateDirectory register;
    VerificationCodes codes;
    MutableClock clock;
    FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        centres = database.lookup(CentreDirectory.class);
        candidates = database.lookup(CandidateDirectory.class);
        users = database.lookup(UserDirectory.class);
        catalogue = database.lookup(QualificationDirectory.class);
        attempts = database.lookup(AttemptDirectory.class);
        register = database.lookup(CertificateDirectory.class);
        clock = new MutableClock(NOW);
        codes = new VerificationCodes(database.jdbc(), clock, new Random(CODE_SEED));

        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of(MVR_L2, MVR_L3), false));
        database.apply(new CentreApplied(OTHER_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApproved(OTHER_CENTRE, "100002", List.of(MVR_L2), true));
        database.apply(published(MVR_L2, A2, A1));
        database.apply(published(MVR_L3, L3_A1));
        database.apply(new CandidateRegistered(
                CANDIDATE,
                CENTRE,
                REGISTRATION_NUMBER,
                "Zoë",
                "O'Brien-Łukasiewicz",
                LocalDate.parse("2005-04-17"),
                null,
                MVR_L2,
                LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-10"),
                false,
                false));
        database.apply(
                new UserCreated(ADMIN, ADMIN_PIN, "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserCreated(
                COORDINATOR,
                COORDINATOR_PIN,
                "Cy Lane",
                "cy@northgate.ac.uk",
                Set.of(Role.CENTRE_COORDINATOR),
                CENTRE));
        database.apply(new UserCreated(
                "user-invigilator",
                "56789012",
                "Ivy Stone",
                "ivy@northgate.ac.uk",
                Set.of(Role.INVIGILATOR, Role.ASSESSOR),
                CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "67890123",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN, Role.CENTRE_COORDINATOR),
                OTHER_CENTRE));
        database.apply(new UserCreated(
                "user-former", "78901234", "Fay Moss", "fay@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserDeactivated("user-former", CENTRE, "Left the centre"));
        database.apply(
                new UserCreated("user-imi", "89012345", "Ian Bell", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
        passed("attempt-a1", A1);
        passed("attempt-a2", A2);

        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(candidates);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(attempts);
        fixture.registerInjectableResource(new Eligibility(
                candidates, catalogue, attempts, register, centres, database.lookup(PortfolioDirectory.class)));
        fixture.registerInjectableResource(new CertificateNumbers(register, new Random(NUMBER_SEED)));
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static QualificationPublished published(String code, String... assessmentCodes) {
        List<Assessment> assessments = Stream.of(assessmentCodes)
                .map(a -> new Assessment(
                        a, a, "U1", 1, 30, 70, List.of(new Item(a + "-Q001", "?", List.of("x", "y"), 0))))
                .toList();
        return new QualificationPublished(code, code, 2, List.of(new Unit("U1", "Unit")), assessments);
    }

    /** A submitted attempt of the candidate's, as the register knows it; the attempt number follows the id. */
    void attempt(String attemptId, String assessmentCode, Outcome outcome) {
        Instant opened = NOW.minus(Duration.ofDays(3));
        database.apply(new AttemptOpened(
                attemptId,
                CANDIDATE,
                REGISTRATION_NUMBER,
                CENTRE,
                MVR_L2,
                assessmentCode,
                attempts.attemptCount(CANDIDATE, assessmentCode) + 1,
                1,
                30,
                70,
                "user-invigilator",
                "56789012",
                opened,
                opened.plus(Duration.ofHours(2))));
        database.apply(new AttemptStarted(
                attemptId,
                CANDIDATE,
                CENTRE,
                assessmentCode,
                opened.plusSeconds(60),
                opened.plusSeconds(1860),
                1L,
                List.of()));
        database.apply(new AttemptSubmitted(
                attemptId,
                CANDIDATE,
                CENTRE,
                MVR_L2,
                assessmentCode,
                SubmittedBy.CANDIDATE,
                opened.plusSeconds(60),
                opened.plusSeconds(1860),
                opened.plusSeconds(900),
                1,
                1,
                100.0,
                70,
                outcome,
                List.of(),
                AttemptSubmitted.AnswerChanges.NONE));
    }

    void passed(String attemptId, String assessmentCode) {
        attempt(attemptId, assessmentCode, Outcome.PASS);
    }

    void voided(String attemptId, String assessmentCode) {
        database.apply(new AttemptVoided(
                attemptId,
                CANDIDATE,
                CENTRE,
                assessmentCode,
                AttemptStatus.SUBMITTED,
                Outcome.PASS,
                "Notes found in the room"));
    }

    void grantDirectClaimStatus() {
        database.apply(new DirectClaimStatusGranted(CENTRE, "Five clean audits"));
    }

    static ClaimCertificate claim() {
        return new ClaimCertificate(CLAIM, CANDIDATE, ADMIN);
    }

    static CertificateClaimed claimed(boolean directClaimStatus) {
        return new CertificateClaimed(
                CLAIM,
                CANDIDATE,
                REGISTRATION_NUMBER,
                CENTRE,
                MVR_L2,
                HOLDER,
                directClaimStatus,
                List.of("attempt-a1", "attempt-a2"),
                ADMIN,
                ADMIN_PIN,
                NOW);
    }

    static CertificateIssued issued(String number, boolean approvedByImi, Instant at) {
        return new CertificateIssued(
                CLAIM,
                CANDIDATE,
                CENTRE,
                MVR_L2,
                number,
                HOLDER,
                LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                at,
                approvedByImi);
    }

    /** The numbers the fixture's issuer draws, in order, with none taken. */
    static String drawnNumber(int which) {
        Random random = new Random(NUMBER_SEED);
        String number = null;
        for (int i = 0; i <= which; i++) {
            number = CertificateNumbers.draw(random);
        }
        return number;
    }

    static final String FIRST = drawnNumber(0);
    static final String SECOND = drawnNumber(1);
    /** A number issued earlier, outside this fixture's draws. */
    static final String EARLIER = "CHJ4RT6WYZ";

    /** Feeds the events to the lookups (as the subscribing processor does), then gives them to the claim. */
    TestExecutor<Claim> given(Object... events) {
        Stream.of(events).forEach(this::feed);
        return fixture.given(events);
    }

    void feed(Object event) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        try {
            new AnnotationEventHandlerAdapter(register).handle(message);
            new AnnotationEventHandlerAdapter(candidates).handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event the claim has, in order: those given and those the command applied. */
    List<Object> storedEvents() {
        return fixture.getEventStore()
                .readEvents(CLAIM)
                .asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    /** Feeds what the command applied (the events after the {@code given} first ones) to the lookups. */
    void feedApplied(int given) {
        storedEvents().stream().skip(given).forEach(this::feed);
    }

    static Matcher<NotEligible> reasons(String... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(NotEligible refusal) {
                return refusal.reasons().equals(List.of(expected))
                        && refusal.getMessage().equals(String.join(" ", expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("NotEligible with reasons ").appendValueList("[", ", ", "]", expected);
            }

            @Override
            protected void describeMismatchSafely(NotEligible refusal, Description mismatch) {
                mismatch.appendText("reasons were ").appendValue(refusal.reasons());
            }
        };
    }

    ResultValidator<Claim> expectNotEligible(String... expected) {
        return fixture.givenNoPriorActivity()
                .when(claim())
                .expectException(NotEligible.class)
                .expectException(reasons(expected))
                .expectNoEvents();
    }

    /** Matches anything and keeps it, so that AssertJ can look at it afterwards. */
    static final class Captured<T> extends BaseMatcher<T> {
        private T value;

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            value = (T) actual;
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything (captured)");
        }

        T value() {
            return value;
        }
    }

    static final String WITHDRAWN = "The candidate is WITHDRAWN; reinstate them before claiming a certificate.";
    static final String NOT_PASSED_A1 =
            "The candidate has not passed assessment MVR-L2-A1 (a voided attempt does not" + " count).";
    static final String NOT_PASSED_A2 =
            "The candidate has not passed assessment MVR-L2-A2 (a voided attempt does not" + " count).";
    static final String SUSPENDED =
            "The candidate's centre is SUSPENDED; only an APPROVED centre can claim" + " certificates.";
    static final String SANCTIONED = "The candidate's centre is under a CERTIFICATION sanction; it cannot claim"
            + " certificates until the sanction is lifted.";

    @Nested
    class ClaimCertificateSpec {

        @Test
        void givenDirectClaimStatus_whenClaimed_thenClaimedAndIssuedAtOnceWithANumberAndACode() {
            grantDirectClaimStatus();
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(claimed(true), issued(FIRST, false, NOW))
                    .expectResultMessagePayload(new ClaimMade(CLAIM, ClaimStatus.ISSUED, FIRST));

            assertThat(FIRST).matches("C[23456789ABCDEFGHJKMNPQRSTVWXYZ]{9}");
            assertThat(codes.codeOf(FIRST)).contains(VerificationCodes.draw(new Random(CODE_SEED)));
        }

        @Test
        void givenDirectClaimStatus_whenClaimed_thenTheVerificationCodeIsInNoEventNorItsMetadata() throws Exception {
            grantDirectClaimStatus();
            Captured<List<EventMessage<?>>> applied = new Captured<>();
            fixture.givenNoPriorActivity().when(claim()).expectEventsMatching(applied);

            String code = codes.codeOf(FIRST).orElseThrow();
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
            assertThat(applied.value()).hasSize(2);
            for (EventMessage<?> event : applied.value()) {
                String serialised =
                        json.writeValueAsString(event.getPayload()) + json.writeValueAsString(event.getMetaData());
                assertThat(serialised)
                        .as(event.getPayloadType().getSimpleName())
                        .doesNotContain(code)
                        .doesNotContain(code.toLowerCase(Locale.ROOT))
                        .doesNotContain(code.substring(0, 5))
                        .doesNotContain(code.substring(5));
            }
            assertThat(json.writeValueAsString(applied.value().get(1).getPayload()))
                    .as("the number is there")
                    .contains(FIRST);
        }

        @Test
        void givenNoDirectClaimStatus_whenClaimed_thenTheClaimWaitsForImiWithoutANumber() {
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(claimed(false))
                    .expectResultMessagePayload(new ClaimMade(CLAIM, ClaimStatus.AWAITING_APPROVAL, null));

            assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM certificate_codes", Integer.class))
                    .isZero();
        }

        @Test
        void givenDirectClaimStatusRemoved_whenClaimed_thenTheClaimWaits() {
            grantDirectClaimStatus();
            database.apply(new DirectClaimStatusRemoved(CENTRE, "Claims without evidence"));
            fixture.givenNoPriorActivity().when(claim()).expectEvents(claimed(false));
        }

        @Test
        void givenACoordinator_whenTheyClaim_thenTheyAreRecordedAsTheClaimer() {
            fixture.givenNoPriorActivity()
                    .when(new ClaimCertificate(CLAIM, CANDIDATE, COORDINATOR))
                    .expectEvents(new CertificateClaimed(
                            CLAIM,
                            CANDIDATE,
                            REGISTRATION_NUMBER,
                            CENTRE,
                            MVR_L2,
                            HOLDER,
                            false,
                            List.of("attempt-a1", "attempt-a2"),
                            COORDINATOR,
                            COORDINATOR_PIN,
                            NOW));
        }

        @Test
        void givenAClockBetweenMilliseconds_whenIssuedAtOnce_thenTimesToTheMillisecondAndTheUtcDate() {
            grantDirectClaimStatus();
            Instant lateEvening = Instant.parse("2026-12-01T23:59:59.999Z");
            clock.set(lateEvening.plusNanos(987_654));
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(
                            new CertificateClaimed(
                                    CLAIM,
                                    CANDIDATE,
                                    REGISTRATION_NUMBER,
                                    CENTRE,
                                    MVR_L2,
                                    HOLDER,
                                    true,
                                    List.of("attempt-a1", "attempt-a2"),
                                    ADMIN,
                                    ADMIN_PIN,
                                    lateEvening),
                            new CertificateIssued(
                                    CLAIM, CANDIDATE, CENTRE, MVR_L2, FIRST, HOLDER, TODAY, lateEvening, false));
        }

        @Test
        void givenTheNameWasAmended_whenClaimed_thenTheCertificateCarriesTheNameAsNow() {
            database.apply(new CandidateNameAmended(
                    CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Zoë", "Lukas", "Name changed by deed poll"));
            Captured<List<EventMessage<?>>> applied = new Captured<>();
            fixture.givenNoPriorActivity().when(claim()).expectEventsMatching(applied);

            assertThat(((CertificateClaimed) applied.value().get(0).getPayload()).holderName())
                    .isEqualTo("Zoë Lukas");
        }

        @Test
        void givenTheFirstDrawnNumberWasIssuedBefore_whenIssuedAtOnce_thenTheNextDrawnNumber() {
            grantDirectClaimStatus();
            feed(new CertificateClaimed(
                    "claim-0",
                    "candidate-0",
                    "22222222",
                    CENTRE,
                    MVR_L2,
                    "Al Smith",
                    true,
                    List.of(),
                    ADMIN,
                    ADMIN_PIN,
                    NOW));
            feed(new CertificateIssued("claim-0", "candidate-0", CENTRE, MVR_L2, FIRST, "Al Smith", TODAY, NOW, false));
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(claimed(true), issued(SECOND, false, NOW))
                    .expectResultMessagePayload(new ClaimMade(CLAIM, ClaimStatus.ISSUED, SECOND));
        }

        @Test
        void
                givenAClaimIssuedAtOnce_whenItsEventsReachTheLookups_thenTheCertificateIsValidAndTheCandidateCertificated() {
            grantDirectClaimStatus();
            fixture.givenNoPriorActivity().when(claim()).expectSuccessfulHandlerExecution();
            feedApplied(0);

            assertThat(register.certificate(FIRST))
                    .contains(new CertificateEntry(FIRST, CLAIM, CANDIDATE, CENTRE, MVR_L2, CertificateStatus.VALID));
            assertThat(register.activeClaim(CANDIDATE, MVR_L2))
                    .contains(new ClaimEntry(CLAIM, CANDIDATE, CENTRE, MVR_L2, ClaimStatus.ISSUED, FIRST));
            assertThat(candidates.find(CANDIDATE))
                    .get()
                    .extracting(CandidateEntry::status)
                    .isEqualTo(CandidateStatus.CERTIFICATED);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"user-invigilator", "user-elsewhere", "user-former", "user-imi", "user-unknown"})
        void givenSomeoneOtherThanAnActiveAdminOrCoordinatorOfTheCentre_whenTheyClaim_thenRefused(String userId) {
            fixture.givenNoPriorActivity()
                    .when(new ClaimCertificate(CLAIM, CANDIDATE, userId))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Only a centre admin or coordinator of the candidate's centre can claim a"
                            + " certificate for them")
                    .expectNoEvents();
        }

        static Stream<Arguments> withoutIds() {
            return Stream.of(
                    Arguments.of(new ClaimCertificate(null, CANDIDATE, ADMIN), "claimId"),
                    Arguments.of(new ClaimCertificate(" ", CANDIDATE, ADMIN), "claimId"),
                    Arguments.of(new ClaimCertificate(CLAIM, null, ADMIN), "candidateId"),
                    Arguments.of(new ClaimCertificate(CLAIM, "", ADMIN), "candidateId"),
                    Arguments.of(new ClaimCertificate(CLAIM, CANDIDATE, null), "claimedByUserId"),
                    Arguments.of(new ClaimCertificate(CLAIM, CANDIDATE, "x".repeat(101)), "claimedByUserId"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("withoutIds")
        void givenAnIdMissing_whenClaimed_thenRefusedNamingIt(ClaimCertificate command, String field) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(InvalidField.named(field))
                    .expectNoEvents();
        }

        @Test
        void givenNoSuchCandidate_whenClaimed_thenUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new ClaimCertificate(CLAIM, "candidate-9", ADMIN))
                    .expectException(UnknownRecord.class)
                    .expectExceptionMessage("No candidate candidate-9")
                    .expectNoEvents();
        }

        /** Registered before the directory kept names: nothing to print until the name is amended. */
        @Test
        void givenTheCandidatesNameIsNotOnRecord_whenClaimed_thenRefused() {
            database.jdbc().update("UPDATE candidate_directory SET first_name = NULL, last_name = NULL");
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenTheCandidateMovedToAnotherQualification_whenClaimed_thenItsAssessmentsDecide() {
            database.apply(new CandidateQualificationAmended(CANDIDATE, CENTRE, MVR_L2, MVR_L3, "Wrong level"));
            expectNotEligible("The candidate has not passed assessment MVR-L3-A1 (a voided attempt does not count).");

            passed("attempt-l3", L3_A1);
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(new CertificateClaimed(
                            CLAIM,
                            CANDIDATE,
                            REGISTRATION_NUMBER,
                            CENTRE,
                            MVR_L3,
                            HOLDER,
                            false,
                            List.of("attempt-l3"),
                            ADMIN,
                            ADMIN_PIN,
                            NOW));
        }
    }

    @Nested
    class EligibilitySpec {

        @Test
        void givenAWithdrawnCandidate_whenClaimed_thenNotEligible() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            expectNotEligible(WITHDRAWN);
        }

        @Test
        void givenACertificatedCandidate_whenClaimed_thenNotEligible() {
            database.apply(
                    new CertificateIssued("claim-0", CANDIDATE, CENTRE, MVR_L3, EARLIER, HOLDER, TODAY, NOW, false));
            expectNotEligible("The candidate is already CERTIFICATED.");
        }

        @Test
        void givenAnAssessmentNotPassed_whenClaimed_thenNotEligibleNamingIt() {
            database.jdbc().update("DELETE FROM assessment_attempts WHERE attempt_id = 'attempt-a2'");
            attempt("attempt-a2-fail", A2, Outcome.FAIL);
            expectNotEligible(NOT_PASSED_A2);
        }

        @Test
        void givenAPassVoided_whenClaimed_thenNotEligibleNamingTheAssessment() {
            voided("attempt-a1", A1);
            expectNotEligible(NOT_PASSED_A1);
        }

        @Test
        void givenAVoidedPassAndALaterPass_whenClaimed_thenTheLaterPassIsTheEvidence() {
            voided("attempt-a1", A1);
            passed("attempt-a1-again", A1);
            fixture.givenNoPriorActivity()
                    .when(claim())
                    .expectEvents(new CertificateClaimed(
                            CLAIM,
                            CANDIDATE,
                            REGISTRATION_NUMBER,
                            CENTRE,
                            MVR_L2,
                            HOLDER,
                            false,
                            List.of("attempt-a1-again", "attempt-a2"),
                            ADMIN,
                            ADMIN_PIN,
                            NOW));
        }

        @Test
        void givenNoAssessmentPassed_whenClaimed_thenNotEligibleNamingEachInCodeOrder() {
            database.jdbc().update("DELETE FROM assessment_attempts");
            expectNotEligible(NOT_PASSED_A1, NOT_PASSED_A2);
        }

        @Test
        void givenAQualificationWithoutAssessmentsInTheCatalogue_whenClaimed_thenNotEligible() {
            database.jdbc().update("DELETE FROM assessment_catalogue");
            expectNotEligible("Qualification MVR-L2 has no assessments in the catalogue, so nothing shows that it was"
                    + " achieved.");
        }

        @Test
        void givenAClaimAwaitingApproval_whenClaimedAgain_thenNotEligibleNamingIt() {
            feed(new CertificateClaimed(
                    "claim-0",
                    CANDIDATE,
                    REGISTRATION_NUMBER,
                    CENTRE,
                    MVR_L2,
                    HOLDER,
                    false,
                    List.of("attempt-a1", "attempt-a2"),
                    ADMIN,
                    ADMIN_PIN,
                    NOW.minusSeconds(60)));
            expectNotEligible("Claim claim-0 for qualification MVR-L2 is AWAITING_APPROVAL; IMI must approve or"
                    + " reject it first.");
        }

        @Test
        void givenAClaimRejected_whenClaimedAgain_thenClaimed() {
            feed(new CertificateClaimed(
                    "claim-0",
                    CANDIDATE,
                    REGISTRATION_NUMBER,
                    CENTRE,
                    MVR_L2,
                    HOLDER,
                    false,
                    List.of("attempt-a1", "attempt-a2"),
                    ADMIN,
                    ADMIN_PIN,
                    NOW.minusSeconds(60)));
            feed(new ClaimRejected("claim-0", CANDIDATE, CENTRE, MVR_L2, "Unit 3 evidence missing"));
            fixture.givenNoPriorActivity().when(claim()).expectEvents(claimed(false));
        }

        @Test
        void givenACertificateHeld_whenClaimedAgain_thenNotEligibleNamingIt() {
            feed(new CertificateClaimed(
                    "claim-0",
                    CANDIDATE,
                    REGISTRATION_NUMBER,
                    CENTRE,
                    MVR_L2,
                    HOLDER,
                    true,
                    List.of("attempt-a1", "attempt-a2"),
                    ADMIN,
                    ADMIN_PIN,
                    NOW.minusSeconds(60)));
            feed(new CertificateIssued("claim-0", CANDIDATE, CENTRE, MVR_L2, EARLIER, HOLDER, TODAY, NOW, false));
            expectNotEligible(
                    "The candidate is already CERTIFICATED.",
                    "The candidate already holds certificate CHJ4RT6WYZ for qualification MVR-L2.");
        }

        @Test
        void givenACertificateRevoked_whenClaimedAgain_thenNotEligibleNamingTheRevocation() {
            feed(new CertificateClaimed(
                    "claim-0",
                    CANDIDATE,
                    REGISTRATION_NUMBER,
                    CENTRE,
                    MVR_L2,
                    HOLDER,
                    true,
                    List.of("attempt-a1", "attempt-a2"),
                    ADMIN,
                    ADMIN_PIN,
                    NOW.minusSeconds(60)));
            feed(new CertificateIssued("claim-0", CANDIDATE, CENTRE, MVR_L2, EARLIER, HOLDER, TODAY, NOW, false));
            feed(new CertificateRevoked("claim-0", CANDIDATE, CENTRE, MVR_L2, EARLIER, TODAY, "Malpractice"));
            expectNotEligible("Certificate CHJ4RT6WYZ for qualification MVR-L2 was REVOKED; a revoked certificate is"
                    + " not claimed again.");
        }

        @Test
        void givenASuspendedCentre_whenClaimed_thenNotEligible() {
            database.apply(new CentreSuspended(CENTRE, "Audit"));
            expectNotEligible(SUSPENDED);
        }

        @Test
        void givenAWithdrawnCentre_whenClaimed_thenNotEligible() {
            database.apply(new CentreWithdrawn(CENTRE, "Closed"));
            expectNotEligible("The candidate's centre is WITHDRAWN; only an APPROVED centre can claim certificates.");
        }

        @Test
        void givenACertificationSanction_whenClaimed_thenNotEligible() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, "Claims without evidence"));
            expectNotEligible(SANCTIONED);
        }

        @Test
        void givenOnlyARegistrationsSanction_whenClaimed_thenClaimed() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, "Late registrations"));
            fixture.givenNoPriorActivity().when(claim()).expectEvents(claimed(false));
        }

        @Test
        void givenEverythingWrongAtOnce_whenClaimed_thenEveryReasonListedTogetherInOrder() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            voided("attempt-a1", A1);
            voided("attempt-a2", A2);
            feed(new CertificateClaimed(
                    "claim-0",
                    CANDIDATE,
                    REGISTRATION_NUMBER,
                    CENTRE,
                    MVR_L2,
                    HOLDER,
                    false,
                    List.of("attempt-a1", "attempt-a2"),
                    ADMIN,
                    ADMIN_PIN,
                    NOW.minusSeconds(60)));
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, "Claims without evidence"));
            database.apply(new CentreSuspended(CENTRE, "Audit"));

            expectNotEligible(
                    WITHDRAWN,
                    NOT_PASSED_A1,
                    NOT_PASSED_A2,
                    "Claim claim-0 for qualification MVR-L2 is AWAITING_APPROVAL; IMI must approve or reject it"
                            + " first.",
                    SUSPENDED,
                    SANCTIONED);
        }

        @Test
        void givenAnEligibleCandidate_whenJudged_thenNoReasonsAndTheEvidenceInAssessmentOrder() {
            Eligibility.Verdict verdict = new Eligibility(
                            candidates,
                            catalogue,
                            attempts,
                            register,
                            centres,
                            database.lookup(PortfolioDirectory.class))
                    .judge(CANDIDATE);
            assertThat(verdict.eligible()).isTrue();
            assertThat(verdict.qualificationCode()).isEqualTo(MVR_L2);
            assertThat(verdict.achievedBy()).containsExactly("attempt-a1", "attempt-a2");
            assertThat(verdict.candidate().centreId()).isEqualTo(CENTRE);
        }
    }

    @Nested
    class ApproveClaimSpec {

        @Test
        void givenAClaimAwaitingApproval_whenImiApproves_thenIssuedAndTheNumberAnswered() {
            clock.set(LATER);
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectEvents(issued(FIRST, true, LATER))
                    .expectResultMessagePayload(FIRST);

            assertThat(codes.codeOf(FIRST)).contains(VerificationCodes.draw(new Random(CODE_SEED)));
        }

        /** What the centre held when it claimed is kept: granting DCS later does not make IMI's approval DCS. */
        @Test
        void givenDirectClaimStatusGrantedAfterTheClaim_whenApproved_thenStillRecordedAsApprovedByImi() {
            grantDirectClaimStatus();
            given(claimed(false)).when(new ApproveClaim(CLAIM)).expectEvents(issued(FIRST, true, NOW));
        }

        @Test
        void givenAnIssuedClaim_whenApproved_thenRefusedNamingItsStatus() {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The claim is ISSUED; only a claim AWAITING_APPROVAL can be approved")
                    .expectNoEvents();
        }

        @Test
        void givenARejectedClaim_whenApproved_thenRefusedNamingItsStatus() {
            given(claimed(false), new ClaimRejected(CLAIM, CANDIDATE, CENTRE, MVR_L2, "Evidence missing"))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The claim is REJECTED; only a claim AWAITING_APPROVAL can be approved")
                    .expectNoEvents();
        }

        @Test
        void givenTheCandidateWithdrawnSinceTheClaim_whenApproved_thenRefused() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The candidate is WITHDRAWN; a claim for a withdrawn candidate cannot be" + " approved.")
                    .expectNoEvents();
            assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM certificate_codes", Integer.class))
                    .isZero();
        }

        @Test
        void givenACertificationSanctionSinceTheClaim_whenApproved_thenRefused() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, "Claims without evidence"));
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The centre is under a CERTIFICATION sanction; its claims cannot be"
                            + " approved until the sanction is lifted.")
                    .expectNoEvents();
        }

        @Test
        void givenTheCentreSuspendedSinceTheClaim_whenApproved_thenRefused() {
            database.apply(new CentreSuspended(CENTRE, "Inspection found problems"));
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The centre is SUSPENDED; only an APPROVED centre's claims can be" + " approved.")
                    .expectNoEvents();
        }

        @Test
        void givenAnAttemptOfTheEvidenceVoidedSinceTheClaim_whenApproved_thenRefusedNamingIt() {
            voided("attempt-a2", A2);
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Attempt attempt-a2 at assessment MVR-L2-A2 was voided after the claim"
                            + " was made; the claim cannot be approved.")
                    .expectNoEvents();
        }

        @Test
        void givenTheCandidateMovedToAnotherQualificationSinceTheClaim_whenApproved_thenRefused() {
            database.apply(new CandidateQualificationAmended(CANDIDATE, CENTRE, MVR_L2, MVR_L3, "Wrong level"));
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The candidate is no longer registered on qualification MVR-L2; the claim"
                            + " cannot be approved.")
                    .expectNoEvents();
        }

        @Test
        void givenWithdrawnAndSanctionedSinceTheClaim_whenApproved_thenBothReasonsListed() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, "Claims without evidence"));
            given(claimed(false))
                    .when(new ApproveClaim(CLAIM))
                    .expectException(reasons(
                            "The candidate is WITHDRAWN; a claim for a withdrawn candidate cannot be approved.",
                            "The centre is under a CERTIFICATION sanction; its claims cannot be approved until the"
                                    + " sanction is lifted."))
                    .expectNoEvents();
        }
    }

    @Nested
    class RejectClaimSpec {

        @Test
        void givenAClaimAwaitingApproval_whenImiRejectsWithAReason_thenRejectedWithIt() {
            given(claimed(false))
                    .when(new RejectClaim(CLAIM, "  Unit 3 evidence missing "))
                    .expectEvents(new ClaimRejected(CLAIM, CANDIDATE, CENTRE, MVR_L2, "Unit 3 evidence missing"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void givenAClaimAwaitingApproval_whenRejectedWithoutAReason_thenRefusedOnReason(String reason) {
            given(claimed(false))
                    .when(new RejectClaim(CLAIM, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenAnIssuedClaim_whenRejected_thenRefusedNamingItsStatus() {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new RejectClaim(CLAIM, "Evidence missing"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The claim is ISSUED; only a claim AWAITING_APPROVAL can be rejected")
                    .expectNoEvents();
        }

        @Test
        void givenARejectedClaim_whenRejectedAgain_thenRefused() {
            given(claimed(false), new ClaimRejected(CLAIM, CANDIDATE, CENTRE, MVR_L2, "Evidence missing"))
                    .when(new RejectClaim(CLAIM, "Evidence missing"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The claim is REJECTED; only a claim AWAITING_APPROVAL can be rejected")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReplaceCertificateSpec {

        @Test
        void givenAnIssuedCertificateAndANameCorrected_whenReplaced_thenANewNumberAndCodeWithTheNameAsNow() {
            database.apply(new CandidateNameAmended(
                    CANDIDATE,
                    CENTRE,
                    "Zoë",
                    "O'Brien-Łukasiewicz",
                    "Zoë",
                    "O'Brien-Lukasiewicz",
                    "Spelling on the certificate"));
            clock.set(LATER);
            given(claimed(true), issued(FIRST, false, NOW))
                    .when(new ReplaceCertificate(CLAIM, FIRST, "Name corrected"))
                    .expectEvents(new CertificateReplaced(
                            CLAIM,
                            CANDIDATE,
                            CENTRE,
                            MVR_L2,
                            FIRST,
                            SECOND,
                            "Zoë O'Brien-Lukasiewicz",
                            LATER_DAY,
                            "Name corrected"))
                    .expectResultMessagePayload(SECOND);

            assertThat(SECOND).isNotEqualTo(FIRST);
            assertThat(codes.codeOf(SECOND)).contains(VerificationCodes.draw(new Random(CODE_SEED)));
            feedApplied(2);
            assertThat(register.certificate(FIRST))
                    .get()
                    .extracting(CertificateEntry::status)
                    .isEqualTo(CertificateStatus.REPLACED);
            assertThat(register.certificate(SECOND))
                    .get()
                    .extracting(CertificateEntry::status)
                    .isEqualTo(CertificateStatus.VALID);
            assertThat(register.claim(CLAIM))
                    .get()
                    .extracting(ClaimEntry::certificateNumber)
                    .isEqualTo(SECOND);
        }

        @Test
        void givenTheCertificatesNumberTypedInLowerCase_whenReplaced_thenReplaced() {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new ReplaceCertificate(CLAIM, " chj4rt6wyz ", REASON))
                    .expectEvents(new CertificateReplaced(
                            CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, FIRST, HOLDER, TODAY, REASON));
        }

        @Test
        void givenACertificateReplacedOnce_whenTheReplacementIsReplaced_thenAThirdNumber() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateReplaced(
                                    CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, FIRST, HOLDER, TODAY, REASON))
                    .when(new ReplaceCertificate(CLAIM, FIRST, "Lost again"))
                    .expectEvents(new CertificateReplaced(
                            CLAIM, CANDIDATE, CENTRE, MVR_L2, FIRST, SECOND, HOLDER, TODAY, "Lost again"))
                    .expectResultMessagePayload(SECOND);
        }

        @Test
        void givenACertificateReplaced_whenTheOldNumberIsReplaced_thenRefusedNamingItsReplacement() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateReplaced(
                                    CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, FIRST, HOLDER, TODAY, REASON))
                    .when(new ReplaceCertificate(CLAIM, EARLIER, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Certificate " + EARLIER + " was REPLACED by " + FIRST
                            + "; only the current certificate can be replaced")
                    .expectNoEvents();
        }

        @Test
        void givenANumberTheClaimNeverHad_whenReplaced_thenUnknown() {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new ReplaceCertificate(CLAIM, "C222222222", REASON))
                    .expectException(UnknownRecord.class)
                    .expectExceptionMessage("Claim claim-1 has no certificate C222222222")
                    .expectNoEvents();
        }

        @Test
        void givenARevokedCertificate_whenReplaced_thenRefused() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateRevoked(CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, TODAY, "Malpractice"))
                    .when(new ReplaceCertificate(CLAIM, EARLIER, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Certificate " + EARLIER + " was REVOKED on 2026-12-01; a revoked"
                            + " certificate cannot be replaced")
                    .expectNoEvents();
        }

        @Test
        void givenAClaimAwaitingApproval_whenReplaced_thenRefused() {
            given(claimed(false))
                    .when(new ReplaceCertificate(CLAIM, EARLIER, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The claim is AWAITING_APPROVAL; only an issued certificate can be" + " replaced")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void givenAnIssuedCertificate_whenReplacedWithoutAReason_thenRefusedOnReason(String reason) {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new ReplaceCertificate(CLAIM, EARLIER, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givenAnIssuedCertificate_whenReplacedWithoutANumber_thenRefusedOnCertificateNumber(String number) {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new ReplaceCertificate(CLAIM, number, REASON))
                    .expectException(InvalidField.named("certificateNumber"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RevokeCertificateSpec {

        @Test
        void givenAnIssuedCertificate_whenRevoked_thenRevokedFromToday() {
            clock.set(LATER);
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new RevokeCertificate(CLAIM, EARLIER, " Malpractice found at audit "))
                    .expectEvents(new CertificateRevoked(
                            CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, LATER_DAY, "Malpractice found at audit"));

            feedApplied(2);
            assertThat(register.certificate(EARLIER))
                    .get()
                    .extracting(CertificateEntry::status)
                    .isEqualTo(CertificateStatus.REVOKED);
            assertThat(candidates.find(CANDIDATE))
                    .get()
                    .extracting(CandidateEntry::status)
                    .isEqualTo(CandidateStatus.REGISTERED);
        }

        @Test
        void givenAReplacementCertificate_whenRevoked_thenTheReplacementIsRevoked() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateReplaced(
                                    CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, FIRST, HOLDER, TODAY, REASON))
                    .when(new RevokeCertificate(CLAIM, FIRST, "Malpractice"))
                    .expectEvents(
                            new CertificateRevoked(CLAIM, CANDIDATE, CENTRE, MVR_L2, FIRST, TODAY, "Malpractice"));
        }

        @Test
        void givenARevokedCertificate_whenRevokedAgain_thenRefused() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateRevoked(CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, TODAY, "Malpractice"))
                    .when(new RevokeCertificate(CLAIM, EARLIER, "Malpractice"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Certificate " + EARLIER + " was REVOKED on 2026-12-01; a revoked"
                            + " certificate cannot be revoked")
                    .expectNoEvents();
        }

        @Test
        void givenACertificateReplaced_whenTheOldNumberIsRevoked_thenRefused() {
            given(
                            claimed(true),
                            issued(EARLIER, false, NOW),
                            new CertificateReplaced(
                                    CLAIM, CANDIDATE, CENTRE, MVR_L2, EARLIER, FIRST, HOLDER, TODAY, REASON))
                    .when(new RevokeCertificate(CLAIM, EARLIER, "Malpractice"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Certificate " + EARLIER + " was REPLACED by " + FIRST
                            + "; only the current certificate can be revoked")
                    .expectNoEvents();
        }

        @Test
        void givenANumberTheClaimNeverHad_whenRevoked_thenUnknown() {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new RevokeCertificate(CLAIM, "C222222222", "Malpractice"))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenAClaimAwaitingApprovalOrRejected_whenRevoked_thenRefused() {
            given(claimed(false), new ClaimRejected(CLAIM, CANDIDATE, CENTRE, MVR_L2, "Evidence missing"))
                    .when(new RevokeCertificate(CLAIM, EARLIER, "Malpractice"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The claim is REJECTED; only an issued certificate can be revoked")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void givenAnIssuedCertificate_whenRevokedWithoutAReason_thenRefusedOnReason(String reason) {
            given(claimed(true), issued(EARLIER, false, NOW))
                    .when(new RevokeCertificate(CLAIM, EARLIER, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }
    }

    /** The whole life of a claim at a centre without DCS, each command's events reaching the lookups. */
    @Test
    void givenAClaimApprovedReplacedAndRevoked_whenTheRegisterIsAsked_thenEachNumberVerifiesAsWhatItIsNow() {
        fixture.givenNoPriorActivity().when(claim()).expectSuccessfulHandlerExecution();
        feedApplied(0);
        List<Object> history = new ArrayList<>(storedEvents());

        fixture.given(history).when(new ApproveClaim(CLAIM)).expectSuccessfulHandlerExecution();
        feedApplied(history.size());
        history = new ArrayList<>(storedEvents());
        assertThat(candidates.find(CANDIDATE))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.CERTIFICATED);

        fixture.given(history)
                .when(new ReplaceCertificate(CLAIM, FIRST, REASON))
                .expectResultMessagePayload(SECOND);
        feedApplied(history.size());
        history = new ArrayList<>(storedEvents());

        fixture.given(history)
                .when(new RevokeCertificate(CLAIM, SECOND, "Malpractice"))
                .expectSuccessfulHandlerExecution();
        feedApplied(history.size());

        assertThat(register.certificate(FIRST))
                .get()
                .extracting(CertificateEntry::status)
                .isEqualTo(CertificateStatus.REPLACED);
        assertThat(register.certificate(SECOND))
                .get()
                .extracting(CertificateEntry::status)
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(codes.codeOf(FIRST)).isPresent().isNotEqualTo(codes.codeOf(SECOND));
        assertThat(candidates.find(CANDIDATE))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.REGISTERED);
        assertThat(register.activeClaim(CANDIDATE, MVR_L2))
                .as("a revoked certificate is not claimed again")
                .isPresent();
    }
}
