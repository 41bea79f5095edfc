package org.awardinghub.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.PasswordSetBy;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.SignInFailed;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.query.History;
import org.awardinghub.query.Migrations;
import org.awardinghub.query.Processor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The personnel report of a centre, kept by the "personnel" projection on known events: who created each user and
 * when, their last sign-in, failed sign-ins and lock-outs per period, deactivation and role changes, the ePortfolio's
 * workloads where one is provided; what each user did about fair access in the period; the same event twice counts
 * once, and a replay gives the same rows.
 */
class PersonnelProjectionTest {

    private static final LocalDate MAY_4 = LocalDate.parse("2026-05-04");
    private static final Instant MAY_4_AT_9 = Instant.parse("2026-05-04T09:00:00Z");
    private static final String COORDINATOR_PIN = "21111111";

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private PersonnelProjection projection;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:personnel-" + UUID.randomUUID(), true);
        jdbc = new JdbcTemplate(dataSource);
        Migrations.apply(dataSource);
        projection = new PersonnelProjection(jdbc, Optional.empty());
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    private void created(String userId, String name, String centreId, Instant at, String byPin, Role... roles) {
        String pin = "3" + String.format("%07d", Math.floorMod(userId.hashCode(), 10_000_000));
        projection.on(
                new UserCreated(userId, pin, name, userId + "@centre.example", Set.of(roles), centreId), 0, at, byPin);
    }

    private Personnel report(String centreId, LocalDate from, LocalDate to) {
        return projection.handle(new PersonnelReport(centreId, from, to));
    }

    private Personnel.Person person(Personnel report, String userId) {
        return report.users().stream()
                .filter(user -> user.userId().equals(userId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void givenUsersCreatedAtTwoCentres_whenReported_thenTheCentresUsersByNameWithWhoCreatedThemAndWhen() {
        created("u-zoe", "zoë Walker", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.INVIGILATOR);
        created("u-amy", "Amy Patel", "c1", MAY_4_AT_9.plusSeconds(60), "90000001", Role.CENTRE_COORDINATOR);
        created("u-bob", "bob Jones", "c1", MAY_4_AT_9.plusSeconds(120), null, Role.CENTRE_ADMIN);
        created("u-other", "Aaron Other", "c2", MAY_4_AT_9, "90000001", Role.CENTRE_COORDINATOR);
        created("u-imi", "Ian Imi", null, MAY_4_AT_9, "system", Role.IMI_ADMIN);

        Personnel report = report("c1", MAY_4, MAY_4);

        assertThat(report.users())
                .extracting(Personnel.Person::name, Personnel.Person::createdByPin, Personnel.Person::createdAt)
                .containsExactly(
                        tuple("Amy Patel", "90000001", MAY_4_AT_9.plusSeconds(60)),
                        tuple("bob Jones", null, MAY_4_AT_9.plusSeconds(120)),
                        tuple("zoë Walker", COORDINATOR_PIN, MAY_4_AT_9));
        Personnel.Person zoe = person(report, "u-zoe");
        assertThat(zoe.roles()).containsExactly(Role.INVIGILATOR);
        assertThat(zoe.active()).isTrue();
        assertThat(zoe.activated()).as("no password set yet").isFalse();
        assertThat(zoe.lastSignInAt()).isNull();
        assertThat(zoe.email()).isEqualTo("u-zoe@centre.example");
        assertThat(report("c2", MAY_4, MAY_4).users())
                .extracting(Personnel.Person::userId)
                .containsExactly("u-other");
        assertThat(report("c3", MAY_4, MAY_4).users()).isEmpty();
    }

    @Test
    void givenSignInsFailuresAndALockOut_whenReportedOverPeriods_thenLastSignInAndTheCountsOfEachPeriod() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);
        created("u2", "Ben Bell", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.INVIGILATOR);
        projection.on(new PasswordSet("u1", "c1", PasswordSetBy.ACTIVATION), 1);
        projection.on(new UserSignedIn("u1", "c1"), 2, MAY_4_AT_9.plusSeconds(3600));
        projection.on(new SignInFailed("u1", "c1", 1), 3, MAY_4_AT_9.plusSeconds(7200));
        projection.on(new SignInFailed("u1", "c1", 2), 4, MAY_4_AT_9.plusSeconds(7260));
        Instant may6 = MAY_4_AT_9.plus(java.time.Duration.ofDays(2));
        for (int failure = 1; failure <= 5; failure++) {
            projection.on(new SignInFailed("u1", "c1", failure), 4 + failure, may6.plusSeconds(failure));
        }
        projection.on(new UserLockedOut("u1", "c1", may6.plusSeconds(900)), 10, may6.plusSeconds(5));
        projection.on(new UserSignedIn("u1", "c1"), 11, may6.plusSeconds(1000));
        projection.on(new SignInFailed("u2", "c1", 1), 1, MAY_4_AT_9.plusSeconds(60));

        Personnel firstDay = report("c1", MAY_4, MAY_4);
        assertThat(firstDay.users())
                .extracting(Personnel.Person::userId, Personnel.Person::failedSignIns, Personnel.Person::lockOuts)
                .containsExactly(tuple("u1", 2L, 0L), tuple("u2", 1L, 0L));
        assertThat(report("c1", MAY_4.plusDays(1), MAY_4.plusDays(1)).users())
                .extracting(Personnel.Person::failedSignIns, Personnel.Person::lockOuts)
                .containsExactly(tuple(0L, 0L), tuple(0L, 0L));
        Personnel threeDays = report("c1", MAY_4, MAY_4.plusDays(2));
        assertThat(person(threeDays, "u1").failedSignIns()).isEqualTo(7);
        assertThat(person(threeDays, "u1").lockOuts()).isEqualTo(1);
        assertThat(person(threeDays, "u1").lastSignInAt())
                .as("the latest sign-in, whatever the period")
                .isEqualTo(may6.plusSeconds(1000));
        assertThat(person(firstDay, "u1").lastSignInAt()).isEqualTo(may6.plusSeconds(1000));
        assertThat(person(firstDay, "u1").activated()).isTrue();
        assertThat(person(report("c1", MAY_4.plusDays(2), MAY_4.plusDays(30)), "u1")
                        .lockOuts())
                .isEqualTo(1);
        assertThat(report("c2", MAY_4, MAY_4.plusDays(2)).users()).isEmpty();
    }

    @Test
    void givenADayBoundary_whenFailuresFallEitherSideOfMidnightUtc_thenEachCountsOnItsOwnDay() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);
        Instant midnight = MAY_4.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        projection.on(new SignInFailed("u1", "c1", 1), 1, midnight.minusMillis(1));
        projection.on(new SignInFailed("u1", "c1", 2), 2, midnight);

        assertThat(person(report("c1", MAY_4, MAY_4), "u1").failedSignIns()).isEqualTo(1);
        assertThat(person(report("c1", MAY_4.plusDays(1), MAY_4.plusDays(1)), "u1")
                        .failedSignIns())
                .isEqualTo(1);
    }

    @Test
    void givenDeactivationRoleChangeAndNewDetails_whenReported_thenTheUserAsTheyAreNow() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);
        projection.on(
                new UserRolesChanged(
                        "u1", "c1", Set.of(Role.CENTRE_ADMIN), Set.of(Role.IQA, Role.ASSESSOR), "Now assesses"),
                1);
        projection.on(
                new UserDetailsAmended(
                        "u1", "c1", "Ann Ames", "Ann Ames-Brown", "u1@centre.example", "ann@centre.example", "Married"),
                2);
        projection.on(new UserDeactivated("u1", "c1", "Left"), 3);

        Personnel.Person ann = person(report("c1", MAY_4, MAY_4), "u1");
        assertThat(ann.roles()).containsExactly(Role.ASSESSOR, Role.IQA);
        assertThat(ann.name()).isEqualTo("Ann Ames-Brown");
        assertThat(ann.email()).isEqualTo("ann@centre.example");
        assertThat(ann.active()).isFalse();

        projection.on(new UserReactivated("u1", "c1", "Back"), 4);
        assertThat(person(report("c1", MAY_4, MAY_4), "u1").active()).isTrue();
    }

    @Test
    void givenNoEPortfolio_whenReported_thenNobodysWorkloadIsKnown() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.ASSESSOR);
        created("u2", "Ben Bell", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);

        assertThat(report("c1", MAY_4, MAY_4).users())
                .extracting(Personnel.Person::workload)
                .containsExactly(null, null);
    }

    @Test
    void givenAnEPortfolioProvidingWorkloads_whenReported_thenAssessorsAndIqasHaveTheirsAndOthersNone() {
        List<String> asked = new java.util.ArrayList<>();
        PersonnelWorkloads portfolio = centreId -> {
            asked.add(centreId);
            return Map.of("u1", new Workload(4, 9L, 0), "u2", new Workload(0, null, 3));
        };
        projection = new PersonnelProjection(jdbc, Optional.of(portfolio));
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.ASSESSOR);
        created("u2", "Ben Bell", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.IQA, Role.INVIGILATOR);
        created("u3", "Cat Cole", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.ASSESSOR);
        created("u4", "Dan Dee", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);

        assertThat(report("c1", MAY_4, MAY_4).users())
                .extracting(Personnel.Person::userId, Personnel.Person::workload)
                .containsExactly(
                        tuple("u1", new Workload(4, 9L, 0)),
                        tuple("u2", new Workload(0, null, 3)),
                        tuple("u3", Workload.NONE),
                        tuple("u4", null));
        assertThat(asked)
                .as("one question to the ePortfolio per report, about that centre")
                .containsExactly("c1");
    }

    @Test
    void givenEventsDeliveredAgain_whenReported_thenEachCountedOnceAndNothingGoesBack() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);
        created("u1", "Ann Ames", "c1", MAY_4_AT_9.plusSeconds(5), "99999999", Role.CENTRE_ADMIN);
        projection.on(new SignInFailed("u1", "c1", 1), 1, MAY_4_AT_9.plusSeconds(60));
        projection.on(new SignInFailed("u1", "c1", 1), 1, MAY_4_AT_9.plusSeconds(60));
        projection.on(new UserLockedOut("u1", "c1", MAY_4_AT_9), 2, MAY_4_AT_9.plusSeconds(61));
        projection.on(new UserLockedOut("u1", "c1", MAY_4_AT_9), 2, MAY_4_AT_9.plusSeconds(61));
        projection.on(new UserDeactivated("u1", "c1", "Left"), 3);
        projection.on(new UserReactivated("u1", "c1", "Back"), 4);
        projection.on(new UserDeactivated("u1", "c1", "Left"), 3); // late and again: already applied

        Personnel.Person ann = person(report("c1", MAY_4, MAY_4), "u1");
        assertThat(ann.failedSignIns()).isEqualTo(1);
        assertThat(ann.lockOuts()).isEqualTo(1);
        assertThat(ann.active()).isTrue();
        assertThat(ann.createdByPin()).isEqualTo(COORDINATOR_PIN);
        assertThat(ann.createdAt()).isEqualTo(MAY_4_AT_9);
    }

    // ---- fair access: what each user did, as the events from other aggregates name them ----------------------

    private static AccessArrangementRequested arrangementRequested(String centreId, String userId, Instant at) {
        return new AccessArrangementRequested(
                "arr-" + UUID.randomUUID(),
                "cand-1",
                centreId,
                ArrangementKind.READER,
                null,
                null,
                null,
                "Reading age well below chronological age",
                null,
                userId,
                "31111111",
                at);
    }

    private static SpecialConsiderationApplied considerationApplied(String centreId, String userId, Instant at) {
        return new SpecialConsiderationApplied(
                "sc-1",
                "att-1",
                "cand-1",
                centreId,
                "LV2-MAINT",
                "LV2-MAINT-MCQ",
                Circumstance.ILLNESS,
                null,
                "Taken ill during the test",
                null,
                userId,
                "31111111",
                at);
    }

    private static ResultEnquiryRaised enquiryRaised(String centreId, String userId, Instant at) {
        return new ResultEnquiryRaised(
                "enq-1",
                "att-1",
                "cand-1",
                centreId,
                "LV2-MAINT",
                "LV2-MAINT-MCQ",
                Outcome.FAIL,
                2,
                4,
                "Sure of three answers",
                userId,
                "31111111",
                at);
    }

    private static AppealLodged appealLodged(String centreId, String userId, Instant at) {
        return new AppealLodged(
                "enq-1", "att-1", "cand-1", centreId, "Question 3 has two right answers", userId, "31111111", at);
    }

    private static IncidentRecorded incidentRecorded(String centreId, String userId, Instant at) {
        return new IncidentRecorded(
                "inc-1",
                centreId,
                List.of("att-1"),
                List.of("cand-1"),
                IncidentKind.DISRUPTION,
                "Fire alarm",
                at.minusSeconds(600),
                userId,
                "41111111",
                at);
    }

    private static AttemptPaused attemptPaused(String centreId, String userId, Instant at) {
        return new AttemptPaused(
                "att-1", "cand-1", centreId, PauseKind.EMERGENCY, "Fire alarm", userId, "41111111", at);
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void givenFairAccessActionsAtTwoCentres_whenReportedOverPeriods_thenEachUsersCountsOfThePeriodAtTheirCentre() {
        created("u1", "Ann Ames", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_COORDINATOR);
        created("u2", "Ben Bell", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.INVIGILATOR);
        created("u3", "Cat Cole", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.CENTRE_ADMIN);
        created("u9", "Zed Other", "c2", MAY_4_AT_9, COORDINATOR_PIN, Role.INVIGILATOR);
        Instant may5 = MAY_4_AT_9.plus(java.time.Duration.ofDays(1));
        Instant may6 = MAY_4_AT_9.plus(java.time.Duration.ofDays(2));
        projection.on(arrangementRequested("c1", "u1", MAY_4_AT_9), eventId(), MAY_4_AT_9);
        projection.on(arrangementRequested("c1", "u1", MAY_4_AT_9), eventId(), MAY_4_AT_9.plusSeconds(60));
        projection.on(considerationApplied("c1", "u1", may5), eventId(), may5);
        projection.on(enquiryRaised("c1", "u1", may6), eventId(), may6);
        projection.on(appealLodged("c1", "u1", may6), eventId(), may6.plusSeconds(3600));
        projection.on(attemptPaused("c1", "u2", MAY_4_AT_9), eventId(), MAY_4_AT_9);
        projection.on(incidentRecorded("c1", "u2", MAY_4_AT_9), eventId(), MAY_4_AT_9.plusSeconds(900));
        projection.on(attemptPaused("c2", "u9", MAY_4_AT_9), eventId(), MAY_4_AT_9);
        projection.on(incidentRecorded("c2", "u9", may5), eventId(), may5);

        Personnel firstDay = report("c1", MAY_4, MAY_4);
        assertThat(firstDay.users())
                .extracting(Personnel.Person::userId, Personnel.Person::fairAccess)
                .containsExactly(
                        tuple("u1", new Personnel.FairAccess(2, 0, 0, 0, 0, 0)),
                        tuple("u2", new Personnel.FairAccess(0, 0, 0, 0, 1, 1)),
                        tuple("u3", Personnel.FairAccess.NONE));
        assertThat(person(report("c1", MAY_4, MAY_4.plusDays(2)), "u1").fairAccess())
                .isEqualTo(new Personnel.FairAccess(2, 1, 1, 1, 0, 0));
        assertThat(person(report("c1", MAY_4.plusDays(1), MAY_4.plusDays(30)), "u1")
                        .fairAccess())
                .as("from the 5th: the two requests of the 4th left out")
                .isEqualTo(new Personnel.FairAccess(0, 1, 1, 1, 0, 0));
        assertThat(person(report("c1", MAY_4.plusDays(1), MAY_4.plusDays(2)), "u2")
                        .fairAccess())
                .isEqualTo(Personnel.FairAccess.NONE);
        assertThat(report("c2", MAY_4, MAY_4.plusDays(2)).users())
                .extracting(Personnel.Person::userId, Personnel.Person::fairAccess)
                .as("the other centre's invigilator, with only what was done there")
                .containsExactly(tuple("u9", new Personnel.FairAccess(0, 0, 0, 0, 1, 1)));
    }

    @Test
    void givenAFairAccessEventDeliveredAgain_whenReported_thenItCountsOnce() {
        created("u2", "Ben Bell", "c1", MAY_4_AT_9, COORDINATOR_PIN, Role.INVIGILATOR);
        String pause = eventId();
        String incident = eventId();
        projection.on(attemptPaused("c1", "u2", MAY_4_AT_9), pause, MAY_4_AT_9);
        projection.on(incidentRecorded("c1", "u2", MAY_4_AT_9), incident, MAY_4_AT_9.plusSeconds(60));
        projection.on(attemptPaused("c1", "u2", MAY_4_AT_9), pause, MAY_4_AT_9);
        projection.on(incidentRecorded("c1", "u2", MAY_4_AT_9), incident, MAY_4_AT_9.plusSeconds(60));
        projection.on(attemptPaused("c1", "u2", MAY_4_AT_9), eventId(), MAY_4_AT_9.plusSeconds(120));

        assertThat(person(report("c1", MAY_4, MAY_4), "u2").fairAccess())
                .as("the pause and the incident delivered again count once; a second pause counts")
                .isEqualTo(new Personnel.FairAccess(0, 0, 0, 0, 1, 2));
    }

    /** A centre's users as the application records them, each event with the metadata of the command behind it. */
    private static List<History.Recorded> history() {
        Map<String, String> coordinator =
                Map.of(AuditMetadata.ACTOR_PIN, COORDINATOR_PIN, AuditMetadata.ACTOR_USER_ID, "u-coordinator");
        Map<String, String> admin = Map.of(AuditMetadata.ACTOR_PIN, "90000001", AuditMetadata.ACTOR_USER_ID, "u-imi");
        Map<String, String> invigilator =
                Map.of(AuditMetadata.ACTOR_PIN, "51111111", AuditMetadata.ACTOR_USER_ID, "u-invigilator");
        return new History(MAY_4_AT_9)
                .then(
                        "u-coordinator",
                        new UserCreated(
                                "u-coordinator",
                                COORDINATOR_PIN,
                                "Cora Lane",
                                "cora@centre.example",
                                Set.of(Role.CENTRE_COORDINATOR),
                                "c1"),
                        admin)
                .then("u-coordinator", new PasswordSet("u-coordinator", "c1", PasswordSetBy.ACTIVATION), coordinator)
                .then("u-coordinator", new UserSignedIn("u-coordinator", "c1"), coordinator)
                .then(
                        "u-assessor",
                        new UserCreated(
                                "u-assessor",
                                "31111111",
                                "Asa Berg",
                                "asa@centre.example",
                                Set.of(Role.INVIGILATOR),
                                "c1"),
                        coordinator)
                .then(
                        "u-assessor",
                        new UserRolesChanged(
                                "u-assessor", "c1", Set.of(Role.INVIGILATOR), Set.of(Role.ASSESSOR), "Qualified"),
                        coordinator)
                .then("u-assessor", new SignInFailed("u-assessor", "c1", 1))
                .then("u-assessor", new SignInFailed("u-assessor", "c1", 2))
                .then("u-assessor", new UserLockedOut("u-assessor", "c1", MAY_4_AT_9.plusSeconds(3600)))
                .then(
                        "u-leaver",
                        new UserCreated(
                                "u-leaver",
                                "41111111",
                                "Lee Vance",
                                "lee@centre.example",
                                Set.of(Role.CENTRE_ADMIN),
                                "c1"),
                        coordinator)
                .then("u-leaver", new UserDeactivated("u-leaver", "c1", "Left"), coordinator)
                .then(
                        "u-invigilator",
                        new UserCreated(
                                "u-invigilator",
                                "51111111",
                                "Ivy Hart",
                                "ivy@centre.example",
                                Set.of(Role.INVIGILATOR),
                                "c1"),
                        coordinator)
                .then("arr-1", arrangementRequested("c1", "u-coordinator", MAY_4_AT_9), coordinator)
                .then("arr-2", arrangementRequested("c1", "u-coordinator", MAY_4_AT_9), coordinator)
                .then("att-1", attemptPaused("c1", "u-invigilator", MAY_4_AT_9), invigilator)
                .then("inc-1", incidentRecorded("c1", "u-invigilator", MAY_4_AT_9), invigilator)
                .then("sc-1", considerationApplied("c1", "u-coordinator", MAY_4_AT_9), coordinator)
                .then("enq-1", enquiryRaised("c1", "u-coordinator", MAY_4_AT_9), coordinator)
                .then("enq-1", appealLodged("c1", "u-coordinator", MAY_4_AT_9), coordinator)
                .events();
    }

    @Test
    void givenAHistoryDeliveredByAProcessor_whenResetAndDeliveredAgain_thenTheTablesEmptyAndTheSameRowsReturn() {
        List<History.Recorded> events = history();
        // as the store holds them: each event with its one identifier, whichever time it is delivered
        List<EventMessage<?>> stored = events.stream()
                .<EventMessage<?>>map(History.Recorded::asMessage)
                .toList();
        AnnotationEventHandlerAdapter processor = new AnnotationEventHandlerAdapter(projection);
        Processor.inBatches(processor, stored, 5);
        Personnel before = report("c1", MAY_4, MAY_4);
        assertThat(before.users())
                .extracting(
                        Personnel.Person::name,
                        Personnel.Person::createdByPin,
                        Personnel.Person::roles,
                        Personnel.Person::active,
                        Personnel.Person::failedSignIns,
                        Personnel.Person::lockOuts,
                        Personnel.Person::fairAccess)
                .containsExactly(
                        tuple(
                                "Asa Berg",
                                COORDINATOR_PIN,
                                List.of(Role.ASSESSOR),
                                true,
                                2L,
                                1L,
                                Personnel.FairAccess.NONE),
                        tuple(
                                "Cora Lane",
                                "90000001",
                                List.of(Role.CENTRE_COORDINATOR),
                                true,
                                0L,
                                0L,
                                new Personnel.FairAccess(2, 1, 1, 1, 0, 0)),
                        tuple(
                                "Ivy Hart",
                                COORDINATOR_PIN,
                                List.of(Role.INVIGILATOR),
                                true,
                                0L,
                                0L,
                                new Personnel.FairAccess(0, 0, 0, 0, 1, 1)),
                        tuple(
                                "Lee Vance",
                                COORDINATOR_PIN,
                                List.of(Role.CENTRE_ADMIN),
                                false,
                                0L,
                                0L,
                                Personnel.FairAccess.NONE));
        assertThat(person(before, "u-coordinator").lastSignInAt())
                .isEqualTo(events.get(2).at());

        processor.prepareReset();
        for (String table : List.of("personnel_users", "personnel_sign_in_days", "personnel_fair_access")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
        }
        assertThat(report("c1", MAY_4, MAY_4).users()).isEmpty();

        Processor.inBatches(processor, stored, 5);
        assertThat(report("c1", MAY_4, MAY_4)).isEqualTo(before);
        Processor.inBatches(processor, stored, 3);
        assertThat(report("c1", MAY_4, MAY_4))
                .as("delivered once more: nothing changes")
                .isEqualTo(before);
    }
}
