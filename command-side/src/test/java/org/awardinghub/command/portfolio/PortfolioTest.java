package org.awardinghub.command.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateStaffDirectory;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.certification.CertificateDirectory;
import org.awardinghub.command.certification.Eligibility;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceJudged.CriterionJudgement;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.SampleDecision;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Criterion;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ePortfolio's rules: who may do what, versions, judgements, sign-off, sampling and the IQA's send-back. */
class PortfolioTest {

    static final String CENTRE = "centre-1";
    static final String OTHER_CENTRE = "centre-2";
    static final String QUALIFICATION = "EPF-L3";
    static final String CANDIDATE = "candidate-1";
    static final String ASSESSOR = "user-assessor";
    static final String ASSESSOR_PIN = "11111111";
    static final String SECOND_ASSESSOR = "user-assessor-2";
    static final String IQA = "user-iqa";
    static final String IQA_PIN = "22222222";
    static final String ACCOUNT = "user-candidate";
    static final String ACCOUNT_PIN = "33333333";
    static final String INVIGILATOR = "user-invigilator";
    static final String ELSEWHERE = "user-elsewhere";
    static final String SHA = "a".repeat(64);
    static final String SHA2 = "b".repeat(64);
    static final Instant NOW = Instant.parse("2026-12-01T10:15:30.250Z");
    static final String PORTFOLIO = Portfolio.idOf(CANDIDATE);

    LookupDatabase database;
    CandidateDirectory candidates;
    UserDirectory users;
    QualificationDirectory catalogue;
    AttemptDirectory attempts;
    PortfolioDirectory register;
    CentreDirectory centres;
    FixtureConfiguration<Portfolio> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        candidates = database.lookup(CandidateDirectory.class);
        users = database.lookup(UserDirectory.class);
        catalogue = database.lookup(QualificationDirectory.class);
        attempts = database.lookup(AttemptDirectory.class);
        register = database.lookup(PortfolioDirectory.class);
        centres = database.lookup(CentreDirectory.class);
        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of(QUALIFICATION), true));
        database.apply(new QualificationPublished(
                QUALIFICATION,
                "Diagnostics",
                3,
                List.of(
                        new Unit(
                                "U1",
                                "Inspection",
                                List.of(new Criterion("1.1", "Inspects"), new Criterion("1.2", "Records")),
                                true),
                        new Unit("U2", "Repair", List.of(new Criterion("2.1", "Repairs")), true),
                        new Unit("U3", "Knowledge")),
                List.of(new Assessment(
                        "EPF-U3-MCQ",
                        "Knowledge",
                        "U3",
                        1,
                        30,
                        60,
                        List.of(new Item("EPF-U3-MCQ-Q001", "?", List.of("a", "b"), 0))))));
        database.apply(new CandidateRegistered(
                CANDIDATE,
                CENTRE,
                "AB12CD34",
                "Zoë",
                "Hart",
                LocalDate.parse("2005-04-17"),
                null,
                QUALIFICATION,
                LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-10"),
                false,
                false));
        database.apply(new UserCreated(
                ASSESSOR, ASSESSOR_PIN, "Asa Reed", "asa@northgate.ac.uk", Set.of(Role.ASSESSOR), CENTRE));
        database.apply(new UserCreated(
                SECOND_ASSESSOR,
                "44444444",
                "Bea Low",
                "bea@northgate.ac.uk",
                Set.of(Role.ASSESSOR, Role.IQA),
                CENTRE));
        database.apply(new UserCreated(
                IQA, IQA_PIN, "Iris Quinn", "iris@northgate.ac.uk", Set.of(Role.IQA, Role.ASSESSOR), CENTRE));
        database.apply(new UserCreated(
                ACCOUNT, ACCOUNT_PIN, "Zoë Hart", "zoe@example.org", Set.of(Role.CANDIDATE), CENTRE, CANDIDATE));
        database.apply(new UserCreated(
                INVIGILATOR,
                "55555555",
                "Ivy Stone",
                "ivy@northgate.ac.uk",
                Set.of(Role.INVIGILATOR, Role.ASSESSOR, Role.IQA),
                CENTRE));
        database.apply(new UserCreated(
                ELSEWHERE,
                "66666666",
                "Eve Far",
                "eve@southgate.ac.uk",
                Set.of(Role.ASSESSOR, Role.IQA),
                OTHER_CENTRE));
        database.apply(new AttemptOpened(
                "attempt-1",
                CANDIDATE,
                "AB12CD34",
                CENTRE,
                QUALIFICATION,
                "EPF-U3-MCQ",
                1,
                1,
                30,
                60,
                INVIGILATOR,
                "55555555",
                NOW,
                NOW.plusSeconds(3600)));

        fixture = new AggregateTestFixture<>(Portfolio.class);
        fixture.registerInjectableResource(candidates);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(attempts);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(database.lookup(CandidateStaffDirectory.class));
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AssessorAssigned assessorAssigned() {
        return new AssessorAssigned(CANDIDATE, CENTRE, QUALIFICATION, ASSESSOR, ASSESSOR_PIN, null, null);
    }

    static IqaAssigned iqaAssigned() {
        return new IqaAssigned(CANDIDATE, CENTRE, QUALIFICATION, IQA, IQA_PIN, null);
    }

    static EvidenceUploaded uploaded(String evidenceId, int version, String unit, List<String> criteria) {
        return new EvidenceUploaded(
                CANDIDATE,
                CENTRE,
                QUALIFICATION,
                evidenceId,
                version,
                unit,
                criteria,
                "Inspection sheet",
                "sheet.pdf",
                "application/pdf",
                1234,
                SHA,
                ACCOUNT,
                ACCOUNT_PIN,
                UploadedBy.CANDIDATE,
                NOW);
    }

    static UploadEvidence upload(String evidenceId, String replaces, String unit, List<String> criteria, String by) {
        return new UploadEvidence(
                CANDIDATE,
                evidenceId,
                replaces,
                unit,
                criteria,
                "Inspection sheet",
                "sheet.pdf",
                "application/pdf",
                1234,
                SHA,
                by);
    }

    static EvidenceJudged judged(String evidenceId, String unit, boolean met, String... codes) {
        return new EvidenceJudged(
                CANDIDATE,
                CENTRE,
                evidenceId,
                1,
                unit,
                List.of(codes).stream()
                        .map(code -> new CriterionJudgement(code, met))
                        .toList(),
                "Clear",
                ASSESSOR,
                ASSESSOR_PIN,
                NOW);
    }

    static JudgeEvidence judge(String evidenceId, String by, boolean met, String... codes) {
        return new JudgeEvidence(
                CANDIDATE,
                evidenceId,
                null,
                List.of(codes).stream()
                        .map(code -> new CriterionJudgement(code, met))
                        .toList(),
                "Clear",
                by);
    }

    static UnitSignedOff signedOff(boolean sampled) {
        return new UnitSignedOff(CANDIDATE, CENTRE, QUALIFICATION, "U1", ASSESSOR, ASSESSOR_PIN, 1, 100, sampled, NOW);
    }

    @Nested
    class Assignment {

        @Test
        void givenAnAssessorOfTheCentre_whenAssigned_thenRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new AssignAssessor(CANDIDATE, ASSESSOR, null))
                    .expectEvents(assessorAssigned());
        }

        @Test
        void givenAUserWithoutTheAssessorRole_whenAssigned_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AssignAssessor(CANDIDATE, ACCOUNT, null))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("is not an active ASSESSOR of the candidate's centre"));
        }

        @Test
        void givenAnAssessorOfAnotherCentre_whenAssigned_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AssignAssessor(CANDIDATE, ELSEWHERE, null))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenTheUserIsTheIqa_whenAssignedAssessor_thenRefused() {
            fixture.given(iqaAssigned())
                    .when(new AssignAssessor(CANDIDATE, IQA, null))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("must be different people"));
        }

        @Test
        void givenTheUserIsTheAssessor_whenAssignedIqa_thenRefused() {
            database.apply(new UserCreated(
                    "user-both", "77777777", "Bo Th", "bo@northgate.ac.uk", Set.of(Role.ASSESSOR, Role.IQA), CENTRE));
            fixture.given(new AssessorAssigned(CANDIDATE, CENTRE, QUALIFICATION, "user-both", "77777777", null, null))
                    .when(new AssignIqa(CANDIDATE, "user-both"))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenTheUserInvigilatedTheCandidate_whenAssignedAssessorOrIqa_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AssignAssessor(CANDIDATE, INVIGILATOR, null))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("invigilated an assessment of this candidate"));
            fixture.givenNoPriorActivity()
                    .when(new AssignIqa(CANDIDATE, INVIGILATOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnAssessor_whenAnotherIsAssignedWithAReason_thenThePreviousIsNamed() {
            fixture.given(assessorAssigned())
                    .when(new AssignAssessor(CANDIDATE, SECOND_ASSESSOR, "Asa left"))
                    .expectEvents(new AssessorAssigned(
                            CANDIDATE, CENTRE, QUALIFICATION, SECOND_ASSESSOR, "44444444", ASSESSOR, "Asa left"));
        }

        @Test
        void givenAnIqaOfTheCentre_whenAssigned_thenRecorded() {
            fixture.given(assessorAssigned())
                    .when(new AssignIqa(CANDIDATE, IQA))
                    .expectEvents(iqaAssigned());
        }
    }

    @Nested
    class Evidence {

        @Test
        void givenTheCandidatesOwnAccount_whenUploaded_thenRecordedAsTheCandidatesWithTheHash() {
            fixture.givenNoPriorActivity()
                    .when(upload("ev-1", null, "U1", List.of("1.1", " 1.2"), ACCOUNT))
                    .expectEvents(uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")))
                    .expectResultMessagePayload(new EvidenceVersion("ev-1", 1));
        }

        @Test
        void givenTheAssessor_whenUploaded_thenRecordedAsOnTheCandidatesBehalf() {
            fixture.given(assessorAssigned())
                    .when(upload("ev-1", null, "U1", List.of("1.1"), ASSESSOR))
                    .expectEvents(new EvidenceUploaded(
                            CANDIDATE,
                            CENTRE,
                            QUALIFICATION,
                            "ev-1",
                            1,
                            "U1",
                            List.of("1.1"),
                            "Inspection sheet",
                            "sheet.pdf",
                            "application/pdf",
                            1234,
                            SHA,
                            ASSESSOR,
                            ASSESSOR_PIN,
                            UploadedBy.ASSESSOR_ON_BEHALF,
                            NOW));
        }

        @Test
        void givenAnotherUserOfTheCentre_whenUploading_thenRefused() {
            fixture.given(assessorAssigned())
                    .when(upload("ev-1", null, "U1", List.of("1.1"), IQA))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenEvidence_whenAFileReplacesIt_thenANewVersionAndTheFirstKept() {
            fixture.given(uploaded("ev-1", 1, "U1", List.of("1.1")))
                    .when(new UploadEvidence(
                            CANDIDATE,
                            "ignored",
                            "ev-1",
                            "U1",
                            List.of("1.1"),
                            "Retaken",
                            "sheet-2.pdf",
                            "application/pdf",
                            99,
                            SHA2,
                            ACCOUNT))
                    .expectEvents(new EvidenceUploaded(
                            CANDIDATE,
                            CENTRE,
                            QUALIFICATION,
                            "ev-1",
                            2,
                            "U1",
                            List.of("1.1"),
                            "Retaken",
                            "sheet-2.pdf",
                            "application/pdf",
                            99,
                            SHA2,
                            ACCOUNT,
                            ACCOUNT_PIN,
                            UploadedBy.CANDIDATE,
                            NOW))
                    .expectResultMessagePayload(new EvidenceVersion("ev-1", 2));
        }

        @Test
        void givenEvidence_whenANewVersionNamesAnotherUnit_thenRefused() {
            fixture.given(uploaded("ev-1", 1, "U1", List.of("1.1")))
                    .when(upload("ignored", "ev-1", "U2", List.of("2.1"), ACCOUNT))
                    .expectNoEvents()
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage(containsString("stays in the unit"));
        }

        @Test
        void givenAUnitNotAssessedByPortfolio_whenUploaded_thenRefusedOnUnitCode() {
            fixture.givenNoPriorActivity()
                    .when(upload("ev-1", null, "U3", List.of("1.1"), ACCOUNT))
                    .expectNoEvents()
                    .expectException(InvalidCommand.class)
                    .expectExceptionMessage(containsString("not assessed by portfolio"));
        }

        @Test
        void givenACriterionOfAnotherUnit_whenUploaded_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(upload("ev-1", null, "U1", List.of("2.1"), ACCOUNT))
                    .expectNoEvents()
                    .expectException(InvalidCommand.class);
        }

        @Test
        void givenAWithdrawnCandidate_whenUploaded_thenRefused() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            fixture.givenNoPriorActivity()
                    .when(upload("ev-1", null, "U1", List.of("1.1"), ACCOUNT))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("WITHDRAWN"));
        }
    }

    @Nested
    class Judgement {

        @Test
        void givenTheAssessor_whenJudged_thenRecordedOnTheLatestVersion() {
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1")),
                            uploaded("ev-1", 2, "U1", List.of("1.1")))
                    .when(judge("ev-1", ASSESSOR, true, "1.1"))
                    .expectEvents(new EvidenceJudged(
                            CANDIDATE,
                            CENTRE,
                            "ev-1",
                            2,
                            "U1",
                            List.of(new CriterionJudgement("1.1", true)),
                            "Clear",
                            ASSESSOR,
                            ASSESSOR_PIN,
                            NOW));
        }

        @Test
        void givenAnOlderVersionNamed_whenJudged_thenRefused() {
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1")),
                            uploaded("ev-1", 2, "U1", List.of("1.1")))
                    .when(new JudgeEvidence(
                            CANDIDATE, "ev-1", 1, List.of(new CriterionJudgement("1.1", true)), "", ASSESSOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenSomeoneOtherThanTheAssessor_whenJudging_thenRefused() {
            fixture.given(assessorAssigned(), iqaAssigned(), uploaded("ev-1", 1, "U1", List.of("1.1")))
                    .when(judge("ev-1", IQA, true, "1.1"))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("Only the candidate's assigned assessor"));
        }

        @Test
        void givenACriterionNotMet_whenJudgedWithoutFeedback_thenRefused() {
            fixture.given(assessorAssigned(), uploaded("ev-1", 1, "U1", List.of("1.1")))
                    .when(new JudgeEvidence(
                            CANDIDATE, "ev-1", null, List.of(new CriterionJudgement("1.1", false)), " ", ASSESSOR))
                    .expectNoEvents()
                    .expectException(InvalidCommand.class);
        }
    }

    @Nested
    class SignOff {

        @Test
        void givenACriterionNotMet_whenSignedOff_thenRefusedNamingIt() {
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1"),
                            judged("ev-1", "U1", false, "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("criteria 1.2 are not met"));
        }

        @Test
        void givenEveryCriterionMetAndANewAssessor_whenSignedOff_thenSampledAtTheNewAssessorRate() {
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectEvents(signedOff(true))
                    .expectResultMessagePayload(true);
        }

        @Test
        void givenTheIqa_whenSigningOff_thenRefused() {
            fixture.given(
                            assessorAssigned(),
                            iqaAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", IQA))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnExperiencedAssessorAndAPlanOfNone_whenSignedOff_thenNotSampled() {
            database.apply(new SamplingPlanSet(CENTRE, 0, 100, 5, List.of()));
            IntStream.rangeClosed(1, 5)
                    .forEach(n -> database.apply(new UnitSignedOff(
                            "other-" + n, CENTRE, QUALIFICATION, "U1", ASSESSOR, ASSESSOR_PIN, n, 100, true, NOW)));
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectEvents(new UnitSignedOff(
                            CANDIDATE, CENTRE, QUALIFICATION, "U1", ASSESSOR, ASSESSOR_PIN, 6, 0, false, NOW));
        }

        @Test
        void givenAnOverrideForTheAssessorAndUnit_whenSignedOff_thenTheOverrideApplies() {
            database.apply(
                    new SamplingPlanSet(CENTRE, 100, 100, 5, List.of(new SamplingPlanSet.Override(ASSESSOR, "U1", 0))));
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectEvents(new UnitSignedOff(
                            CANDIDATE, CENTRE, QUALIFICATION, "U1", ASSESSOR, ASSESSOR_PIN, 1, 0, false, NOW));
        }

        @Test
        void givenASignedOffUnit_whenSignedOffAgainOrJudged_thenRefused() {
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"),
                            signedOff(false))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
            fixture.given(
                            assessorAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"),
                            signedOff(false))
                    .when(judge("ev-1", ASSESSOR, false, "1.1"))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Sampling {

        @Test
        void theDrawIsDeterministicAndFollowsThePercentage() {
            assertThat(SamplingRule.drawn(CANDIDATE, "U1", 1, 50))
                    .isEqualTo(SamplingRule.drawn(CANDIDATE, "U1", 1, 50));
            assertThat(IntStream.range(0, 200)
                            .filter(n -> SamplingRule.drawn("c" + n, "U1", 1, 0))
                            .count())
                    .isZero();
            assertThat(IntStream.range(0, 200)
                            .filter(n -> SamplingRule.drawn("c" + n, "U1", 1, 100))
                            .count())
                    .isEqualTo(200);
            long quarter = IntStream.range(0, 2000)
                    .filter(n -> SamplingRule.drawn("c" + n, "U1", 1, 25))
                    .count();
            assertThat(quarter).isBetween(400L, 600L);
        }

        @Test
        void aNewAssessorIsSampledMoreUntilTheirSignOffsReachTheThreshold() {
            SamplingRule rule = new SamplingRule(10, 100, 5, null);
            assertThat(rule.percentFor(4)).isEqualTo(100);
            assertThat(rule.percentFor(5)).isEqualTo(10);
            assertThat(new SamplingRule(10, 100, 5, 40).percentFor(0)).isEqualTo(40);
        }
    }

    @Nested
    class QualityAssurance {

        @Test
        void givenASampledSignOff_whenTheIqaSendsItBack_thenRecordedAndTheUnitNeedsFreshJudgements() {
            fixture.given(
                            assessorAssigned(),
                            iqaAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"),
                            signedOff(true))
                    .when(new DecideSample(CANDIDATE, "U1", SampleDecision.SENT_BACK, "Photos unclear", IQA))
                    .expectEvents(new UnitSentBack(
                            CANDIDATE, CENTRE, "U1", ASSESSOR_PIN, IQA, IQA_PIN, "Photos unclear", NOW));
            UnitSentBack sentBack =
                    new UnitSentBack(CANDIDATE, CENTRE, "U1", ASSESSOR_PIN, IQA, IQA_PIN, "Photos unclear", NOW);
            fixture.given(
                            assessorAssigned(),
                            iqaAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"),
                            signedOff(true),
                            sentBack)
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("since the IQA sent the unit back"));
            fixture.given(
                            assessorAssigned(),
                            iqaAssigned(),
                            uploaded("ev-1", 1, "U1", List.of("1.1", "1.2")),
                            judged("ev-1", "U1", true, "1.1", "1.2"),
                            signedOff(true),
                            sentBack,
                            judged("ev-1", "U1", true, "1.1", "1.2"))
                    .when(new SignOffUnit(CANDIDATE, "U1", ASSESSOR))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void givenASampledSignOff_whenTheIqaAgrees_thenRecordedAndNoSecondDecision() {
            fixture.given(assessorAssigned(), iqaAssigned(), signedOff(true))
                    .when(new DecideSample(CANDIDATE, "U1", SampleDecision.AGREED, "", IQA))
                    .expectEvents(new UnitSampleAgreed(CANDIDATE, CENTRE, "U1", ASSESSOR_PIN, IQA, IQA_PIN, "", NOW));
            fixture.given(
                            assessorAssigned(),
                            iqaAssigned(),
                            signedOff(true),
                            new UnitSampleAgreed(CANDIDATE, CENTRE, "U1", ASSESSOR_PIN, IQA, IQA_PIN, "", NOW))
                    .when(new DecideSample(CANDIDATE, "U1", SampleDecision.SENT_BACK, "Late doubt", IQA))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnUnsampledSignOffOrSomeoneElse_whenDeciding_thenRefused() {
            fixture.given(assessorAssigned(), iqaAssigned(), signedOff(false))
                    .when(new DecideSample(CANDIDATE, "U1", SampleDecision.AGREED, "", IQA))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
            fixture.given(assessorAssigned(), iqaAssigned(), signedOff(true))
                    .when(new DecideSample(CANDIDATE, "U1", SampleDecision.AGREED, "", ASSESSOR))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("Only the candidate's assigned IQA"));
        }
    }

    @Nested
    class CertificateEligibility {

        Eligibility eligibility() {
            return new Eligibility(
                    candidates, catalogue, attempts, database.lookup(CertificateDirectory.class), centres, register);
        }

        @Test
        void givenPortfolioUnitsNotSignedOff_whenJudged_thenEachNamed() {
            assertThat(eligibility().judge(CANDIDATE).reasons())
                    .contains(
                            "Unit U1 is not signed off in the candidate's ePortfolio.",
                            "Unit U2 is not signed off in the candidate's ePortfolio.");
        }

        @Test
        void givenOneUnitSignedOffAndTheOtherSentBack_whenJudged_thenOnlyTheSentBackOneNamed() {
            database.apply(new UnitSignedOff(
                    CANDIDATE, CENTRE, QUALIFICATION, "U1", ASSESSOR, ASSESSOR_PIN, 1, 100, true, NOW));
            database.apply(new UnitSignedOff(
                    CANDIDATE, CENTRE, QUALIFICATION, "U2", ASSESSOR, ASSESSOR_PIN, 2, 100, true, NOW));
            database.apply(new UnitSentBack(CANDIDATE, CENTRE, "U2", ASSESSOR_PIN, IQA, IQA_PIN, "No", NOW));
            List<String> reasons = eligibility().judge(CANDIDATE).reasons();
            assertThat(reasons).contains("Unit U2 is not signed off in the candidate's ePortfolio.");
            assertThat(reasons).noneMatch(reason -> reason.startsWith("Unit U1"));
        }
    }
}
