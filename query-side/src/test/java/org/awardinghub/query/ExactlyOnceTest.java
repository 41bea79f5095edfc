package org.awardinghub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.user.PasswordResetRequested;
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
import org.awardinghub.events.user.UserSignedOut;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.appeal.EnquiryProjection;
import org.awardinghub.query.appeal.EnquiryProjectionTest;
import org.awardinghub.query.assessment.AnswerTrailProjection;
import org.awardinghub.query.assessment.AttemptHistories;
import org.awardinghub.query.assessment.AttemptProjection;
import org.awardinghub.query.assessment.CandidateAttemptsProjection;
import org.awardinghub.query.assessment.ItemStatisticsProjection;
import org.awardinghub.query.assessment.SittingProjection;
import org.awardinghub.query.candidate.CandidateHistories;
import org.awardinghub.query.candidate.CandidateHistoryProjection;
import org.awardinghub.query.candidate.CandidateProjection;
import org.awardinghub.query.candidate.MemoryCandidateSearchIndex;
import org.awardinghub.query.centre.CentreProjection;
import org.awardinghub.query.certification.CandidateCertificatesProjection;
import org.awardinghub.query.certification.CertificateProjection;
import org.awardinghub.query.certification.CertificationHistories;
import org.awardinghub.query.certification.ClaimProjection;
import org.awardinghub.query.consideration.ConsiderationProjection;
import org.awardinghub.query.consideration.ConsiderationProjectionTest;
import org.awardinghub.query.hubrequest.HubRequestProjection;
import org.awardinghub.query.qualification.QualificationProjection;
import org.awardinghub.query.user.UserProjection;
import org.bson.Document;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delivery is at least once, and a replay starts from zero: for every projection, a whole history with
 * every event it handles, delivered through Axon's handler adapter as a processor would.
 */
class ExactlyOnceTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** A projection, the collection it writes, and a history touching every event it handles. */
    record Case(Function<MongoDatabase, Object> projection, String collection, List<Recorded> history) {}

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Named.of(
                        "centres", new Case(CentreProjection::new, CentreProjection.COLLECTION, centreHistory()))),
                Arguments.of(
                        Named.of("users", new Case(UserProjection::new, UserProjection.COLLECTION, userHistory()))),
                Arguments.of(Named.of(
                        "hub requests",
                        new Case(HubRequestProjection::new, HubRequestProjection.COLLECTION, hubRequestHistory()))),
                Arguments.of(Named.of(
                        "special considerations",
                        new Case(
                                ConsiderationProjection::new,
                                ConsiderationProjection.COLLECTION,
                                ConsiderationProjectionTest.history()))),
                Arguments.of(Named.of(
                        "result enquiries",
                        new Case(
                                EnquiryProjection::new,
                                EnquiryProjection.COLLECTION,
                                EnquiryProjectionTest.history()))),
                Arguments.of(Named.of(
                        "qualifications",
                        new Case(
                                QualificationProjection::new,
                                QualificationProjection.COLLECTION,
                                qualificationHistory()))),
                Arguments.of(Named.of(
                        "candidates",
                        new Case(
                                database -> new CandidateProjection(database, new MemoryCandidateSearchIndex()),
                                CandidateProjection.COLLECTION,
                                CandidateHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "candidate histories",
                        new Case(
                                CandidateHistoryProjection::new,
                                CandidateHistoryProjection.COLLECTION,
                                CandidateHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "attempts",
                        new Case(AttemptProjection::new, AttemptProjection.ATTEMPTS, AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "sittings",
                        new Case(SittingProjection::new, SittingProjection.SITTINGS, AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "answer trails",
                        new Case(
                                AnswerTrailProjection::new,
                                AnswerTrailProjection.ANSWER_TRAILS,
                                AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "candidate attempts",
                        new Case(
                                CandidateAttemptsProjection::new,
                                CandidateAttemptsProjection.CANDIDATE_ATTEMPTS,
                                AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "item statistics",
                        new Case(
                                ItemStatisticsProjection::new,
                                ItemStatisticsProjection.STATISTICS,
                                AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "item statistics' marked attempts",
                        new Case(
                                ItemStatisticsProjection::new,
                                ItemStatisticsProjection.MARKED_ATTEMPTS,
                                AttemptHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "claims",
                        new Case(ClaimProjection::new, ClaimProjection.CLAIMS, CertificationHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "certificates",
                        new Case(
                                CertificateProjection::new,
                                CertificateProjection.CERTIFICATES,
                                CertificationHistories.everyEvent()))),
                Arguments.of(Named.of(
                        "candidate certificates",
                        new Case(
                                CandidateCertificatesProjection::new,
                                CandidateCertificatesProjection.CANDIDATE_CERTIFICATES,
                                CertificationHistories.everyEvent()))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givenHistory_whenEveryEventDeliveredTwice_thenDocumentsAsIfDeliveredOnce(Case given) {
        MongoDatabase once = mongo.freshDatabase();
        new Processor(given.projection().apply(once)).deliver(given.history());
        MongoDatabase twice = mongo.freshDatabase();
        Processor processor = new Processor(given.projection().apply(twice));

        given.history().forEach(event -> {
            processor.deliver(event);
            processor.deliver(event);
        });

        assertThat(allDocuments(twice, given.collection()))
                .isNotEmpty()
                .isEqualTo(allDocuments(once, given.collection()));
    }

    /** Batches of seven split every record's events across batches, several records in each. */
    @ParameterizedTest
    @MethodSource("cases")
    void givenHistory_whenDeliveredInBatchesAndEachBatchAgain_thenDocumentsAsIfDeliveredOneAtATime(Case given) {
        MongoDatabase alone = mongo.freshDatabase();
        new Processor(given.projection().apply(alone)).deliver(given.history());
        MongoDatabase batched = mongo.freshDatabase();
        Processor processor = new Processor(given.projection().apply(batched));

        processor.deliverInBatches(given.history(), 7);
        List<Document> once = allDocuments(batched, given.collection());
        processor.deliverInBatches(given.history(), 5);

        assertThat(once).isNotEmpty().isEqualTo(allDocuments(alone, given.collection()));
        assertThat(allDocuments(batched, given.collection())).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givenHistoryApplied_whenWholeHistoryRedelivered_thenDocumentsUnchanged(Case given) {
        MongoDatabase database = mongo.freshDatabase();
        Processor processor = new Processor(given.projection().apply(database));
        processor.deliver(given.history());
        List<Document> applied = allDocuments(database, given.collection());

        processor.deliver(given.history());

        assertThat(allDocuments(database, given.collection())).isEqualTo(applied);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givenHistoryApplied_whenAnyEarlierEventRedeliveredAlone_thenDocumentsUnchanged(Case given) {
        MongoDatabase database = mongo.freshDatabase();
        Processor processor = new Processor(given.projection().apply(database));
        processor.deliver(given.history());
        List<Document> applied = allDocuments(database, given.collection());

        for (Recorded event : given.history()) {
            processor.deliver(event);

            assertThat(allDocuments(database, given.collection()))
                    .as("after redelivering %s", event)
                    .isEqualTo(applied);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givenHistoryApplied_whenResetAndReplayedFromZero_thenDocumentsIdentical(Case given) {
        MongoDatabase database = mongo.freshDatabase();
        Processor processor = new Processor(given.projection().apply(database));
        processor.deliver(given.history());
        List<Document> applied = allDocuments(database, given.collection());

        processor.reset();
        assertThat(allDocuments(database, given.collection())).isEmpty();
        processor.deliver(given.history());

        assertThat(allDocuments(database, given.collection())).isEqualTo(applied);
    }

    private static List<Recorded> centreHistory() {
        return new History(START)
                .then("c1", new CentreApplied("c1", "Hertford College", "1 High Street", "office@c1.example"))
                .then("c2", new CentreApplied("c2", "Alton College", "Old Odiham Road", "office@c2.example"))
                .then("c1", new CentreApproved("c1", "C1001", List.of("MV3", "HV2"), false))
                .then("c1", new CentreQualificationApproved("c1", "AC4", "workshop approved"))
                .then("c1", new CentreQualificationRemoved("c1", "HV2", "no HV assessor"))
                .then("c1", new DirectClaimStatusGranted("c1", "good record"))
                .then("c1", new CentreSanctionImposed("c1", Sanction.CERTIFICATION, "unsupported claims"))
                .then("c1", new CentreSuspended("c1", "investigation"))
                .then("c1", new DirectClaimStatusRemoved("c1", "investigation"))
                .then("c1", new CentreSanctionLifted("c1", Sanction.CERTIFICATION, "cleared"))
                .then("c1", new CentreReinstated("c1", "cleared"))
                .then("c1", new CentreSanctionImposed("c1", Sanction.CERTIFICATION, "repeat findings"))
                .then(
                        "c1",
                        new CentreDetailsAmended(
                                "c1",
                                "Hertford College",
                                "Hertford Regional College",
                                "1 High Street",
                                "2 Mill Lane",
                                "office@c1.example",
                                "hub@c1.example",
                                "moved"))
                .then("c2", new CentreApproved("c2", "C1002", List.of("LV3"), true))
                .then("c2", new CentreWithdrawn("c2", "closed"))
                .events();
    }

    private static List<Recorded> userHistory() {
        return new History(START)
                .then(
                        "u1",
                        new UserCreated("u1", "100001", "Ann Smith", "ann@c1.example", Set.of(Role.CENTRE_ADMIN), "c1"))
                .then(
                        "u2",
                        new UserCreated(
                                "u2", "100002", "Hannah Admin", "hannah@imi.example", Set.of(Role.IMI_ADMIN), null))
                .then("u1", new PasswordSet("u1", "c1", PasswordSetBy.ACTIVATION))
                .then("u1", new UserSignedIn("u1", "c1"))
                .then("u1", new UserSignedOut("u1", "c1"))
                .then("u1", new SignInFailed("u1", "c1", 5))
                .then("u1", new UserLockedOut("u1", "c1", START.plusSeconds(7200)))
                .then(
                        "u1",
                        new UserRolesChanged(
                                "u1",
                                "c1",
                                Set.of(Role.CENTRE_ADMIN),
                                Set.of(Role.CENTRE_COORDINATOR, Role.INVIGILATOR),
                                "promoted"))
                .then(
                        "u1",
                        new UserDetailsAmended(
                                "u1",
                                "c1",
                                "Ann Smith",
                                "Ann Jones",
                                "ann@c1.example",
                                "ann.jones@c1.example",
                                "married"))
                .then("u1", new UserDeactivated("u1", "c1", "on leave"))
                .then("u1", new UserReactivated("u1", "c1", "back"))
                .then("u1", new PasswordResetRequested("u1", "c1"))
                .then("u1", new PasswordSet("u1", "c1", PasswordSetBy.RESET))
                .then("u1", new UserSignedIn("u1", "c1"))
                .then("u2", new UserDeactivated("u2", null, "left IMI"))
                .events();
    }

    private static List<Recorded> hubRequestHistory() {
        return new History(START)
                .then(
                        "r1",
                        new HubRequestRaised("r1", "c1", HubRequestKind.REQUEST, "EV2 form", "Please send it", "u1"))
                .then("r2", new HubRequestRaised("r2", "c1", HubRequestKind.FEEDBACK, "Portal", "Works well", "u1"))
                .then("r1", new HubRequestReplied("r1", "c1", 1, "Attached", true, "imi1"))
                .then("r1", new HubRequestReplied("r1", "c1", 2, "Thanks", false, "u1"))
                .then("r1", new HubRequestClosed("r1", "c1", "answered"))
                .events();
    }

    private static List<Recorded> qualificationHistory() {
        QualificationPublished.Item item = new QualificationPublished.Item("i1", "Stem", List.of("a", "b"), 1);
        return new History(START)
                .then(
                        "LV3",
                        new QualificationPublished(
                                "LV3",
                                "Light Vehicle Maintenance",
                                3,
                                List.of(new QualificationPublished.Unit("LV01", "Safety")),
                                List.of(new QualificationPublished.Assessment(
                                        "LV01-MC", "Safety test", "LV01", 20, 30, 60, List.of(item)))))
                .then("AC2", new QualificationPublished("AC2", "Accident Repair", 2, List.of(), List.of()))
                .then("LV3", new PassMarkChanged("LV3", "LV01-MC", 60, 70, "raised"))
                .then("LV3", new PassMarkChanged("LV3", "LV01-MC", 70, 65, "moderated"))
                .events();
    }
}
