package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.candidate.CandidateHistories.CERTIFICATE;
import static org.awardinghub.query.candidate.CandidateHistories.IMI_ADMIN;
import static org.awardinghub.query.candidate.CandidateHistories.REVOKED_CERTIFICATE;
import static org.awardinghub.query.candidate.CandidateHistories.actedBy;
import static org.awardinghub.query.candidate.CandidateHistories.registered;

import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.awardinghub.query.candidate.CandidateHistoryEntry.Change;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CandidateHistoryProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoDatabase database;
    private CandidateHistoryProjection projection;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new CandidateHistoryProjection(database);
        processor = new Processor(projection);
    }

    private List<CandidateHistoryEntry> history(String candidateId) {
        return projection.handle(new FindCandidateHistory(candidateId));
    }

    private static Map<String, Change> changes(String... fieldFromTo) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (int i = 0; i < fieldFromTo.length; i += 3) {
            changes.put(fieldFromTo[i], new Change(fieldFromTo[i + 1], fieldFromTo[i + 2]));
        }
        return changes;
    }

    @Test
    void givenNoCandidate_whenHistoryAsked_thenEmpty() {
        processor.deliver(CandidateHistories.everyEvent());

        assertThat(history("unknown")).isEmpty();
        assertThat(history(null)).isEmpty();
    }

    @Test
    void givenEveryKindOfChange_whenHistoryAsked_thenEachEntryOldestFirstWithTimePinReasonAndChanges() {
        List<Recorded> events = CandidateHistories.everyEvent();
        processor.deliver(events);

        List<CandidateHistoryEntry> k1 = history("k1");
        List<Recorded> k1Events = events.stream()
                .filter(event -> event.aggregateId().equals("k1"))
                .toList();

        assertThat(k1)
                .extracting(CandidateHistoryEntry::type)
                .containsExactly(
                        "CandidateRegistered",
                        "CandidateNameAmended",
                        "CandidateDateOfBirthAmended",
                        "CandidateUlnAmended",
                        "CandidateWithdrawn");
        assertThat(k1)
                .extracting(CandidateHistoryEntry::at)
                .containsExactlyElementsOf(k1Events.stream().map(Recorded::at).toList());
        assertThat(k1).extracting(CandidateHistoryEntry::actorPin).containsOnly("10000001");
        assertThat(k1)
                .extracting(CandidateHistoryEntry::reason)
                .containsExactly(null, "deed poll", "typo", "not hers", "left course");
        assertThat(k1.get(0).changes())
                .containsExactly(
                        Map.entry("registrationNumber", new Change(null, "Q7M2K9XA")),
                        Map.entry("centreId", new Change(null, "c1")),
                        Map.entry("firstName", new Change(null, "Zoë")),
                        Map.entry("lastName", new Change(null, "O'Brien-Łukasiewicz")),
                        Map.entry("dateOfBirth", new Change(null, "2001-02-03")),
                        Map.entry("uln", new Change(null, "1000000001")),
                        Map.entry("qualificationCode", new Change(null, "MV3")),
                        Map.entry("startDate", new Change(null, "2026-01-12")),
                        Map.entry("registeredOn", new Change(null, "2026-03-02")),
                        Map.entry("late", new Change(null, "false")),
                        Map.entry("confirmedDuplicate", new Change(null, "false")),
                        Map.entry("status", new Change(null, "REGISTERED")));
        assertThat(k1.get(1).changes()).isEqualTo(changes("lastName", "O'Brien-Łukasiewicz", "O'Brien"));
        assertThat(k1.get(2).changes()).isEqualTo(changes("dateOfBirth", "2001-02-03", "2000-12-31"));
        assertThat(k1.get(3).changes()).isEqualTo(changes("uln", "1000000001", null));
        assertThat(k1.get(4).changes()).isEqualTo(changes("status", "REGISTERED", "WITHDRAWN"));
    }

    @Test
    void givenAmendmentsAndTransfer_whenHistoryAsked_thenBeforeAndAfterOfEach() {
        processor.deliver(CandidateHistories.everyEvent());

        List<CandidateHistoryEntry> k2 = history("k2");

        assertThat(k2)
                .extracting(CandidateHistoryEntry::changes)
                .containsExactly(
                        k2.get(0).changes(),
                        changes("uln", null, "1000000003"),
                        changes("qualificationCode", "MV3", "HV2"),
                        changes("centreId", "c1", "c2"));
        assertThat(k2.get(3))
                .extracting(CandidateHistoryEntry::type, CandidateHistoryEntry::actorPin, CandidateHistoryEntry::reason)
                .containsExactly("CandidateTransferred", "90000001", "moved house");
    }

    @Test
    void givenWithdrawnThenReinstated_whenHistoryAsked_thenStatusFromAndTo() {
        processor.deliver(CandidateHistories.everyEvent());

        assertThat(history("k3"))
                .extracting(CandidateHistoryEntry::changes)
                .endsWith(changes("status", "REGISTERED", "WITHDRAWN"), changes("status", "WITHDRAWN", "REGISTERED"));
    }

    @Test
    void givenCertificatedRevokedAndCertificatedAgain_whenHistoryAsked_thenEachNumberAndStatusChange() {
        List<Recorded> events = CandidateHistories.everyEvent();
        processor.deliver(events);

        List<CandidateHistoryEntry> k4 = history("k4");

        assertThat(k4)
                .extracting(CandidateHistoryEntry::type)
                .containsExactly(
                        "CandidateRegistered",
                        "CandidateCertificated",
                        "CandidateCertificateRevoked",
                        "CandidateCertificated");
        assertThat(k4)
                .extracting(CandidateHistoryEntry::at)
                .containsExactlyElementsOf(events.stream()
                        .filter(event -> event.aggregateId().equals("k4"))
                        .map(Recorded::at)
                        .toList());
        assertThat(k4.subList(1, 4)).extracting(CandidateHistoryEntry::actorPin).containsOnly(IMI_ADMIN);
        assertThat(k4).extracting(CandidateHistoryEntry::reason).containsExactly(null, null, "malpractice", null);
        assertThat(k4.get(1).changes())
                .containsExactly(
                        Map.entry("certificateNumber", new Change(null, REVOKED_CERTIFICATE)),
                        Map.entry("status", new Change("REGISTERED", "CERTIFICATED")));
        assertThat(k4.get(2).changes())
                .containsExactly(
                        Map.entry("certificateNumber", new Change(REVOKED_CERTIFICATE, null)),
                        Map.entry("status", new Change("CERTIFICATED", "REGISTERED")));
        assertThat(k4.get(3).changes())
                .containsExactly(
                        Map.entry("certificateNumber", new Change(null, CERTIFICATE)),
                        Map.entry("status", new Change("REGISTERED", "CERTIFICATED")));
    }

    @Test
    void givenCertificatedThenWithdrawnAndReinstated_whenHistoryAsked_thenStatusesFollowOneAnother() {
        processor.deliver(new History(CandidateHistories.START)
                .then("k1", registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"))
                .then("k1", new CandidateCertificated("k1", "c1", "q1", "MV3", CERTIFICATE))
                .then("k1", new CandidateWithdrawn("k1", "c1", "left"))
                .then("k1", new CandidateReinstated("k1", "c1", "back"))
                .then("k1", new CandidateCertificated("k1", "c1", "q2", "MV3", REVOKED_CERTIFICATE))
                .events());

        assertThat(history("k1"))
                .extracting(entry -> entry.changes().get("status"))
                .containsExactly(
                        new Change(null, "REGISTERED"),
                        new Change("REGISTERED", "CERTIFICATED"),
                        new Change("CERTIFICATED", "WITHDRAWN"),
                        new Change("WITHDRAWN", "REGISTERED"),
                        new Change("REGISTERED", "CERTIFICATED"));
    }

    @Test
    void givenRevocationWithoutReasonInTheEvent_whenHistoryAsked_thenTheReasonFromTheMetadata() {
        processor.deliver(new History(CandidateHistories.START)
                .then("k1", registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"))
                .then("k1", new CandidateCertificated("k1", "c1", "q1", "MV3", CERTIFICATE))
                .then(
                        "k1",
                        new CandidateCertificateRevoked("k1", "c1", "q1", CERTIFICATE, null),
                        actedBy(IMI_ADMIN, "certificate obtained by fraud"))
                .events());

        assertThat(history("k1").get(2))
                .extracting(CandidateHistoryEntry::actorPin, CandidateHistoryEntry::reason)
                .containsExactly(IMI_ADMIN, "certificate obtained by fraud");
        assertThat(history("k1").get(1).actorPin()).isNull();
    }

    @Test
    void givenRevocationWithItsOwnReason_whenHistoryAsked_thenTheEventsReasonRatherThanTheMetadatas() {
        processor.deliver(new History(CandidateHistories.START)
                .then("k1", registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"))
                .then("k1", new CandidateCertificated("k1", "c1", "q1", "MV3", CERTIFICATE))
                .then(
                        "k1",
                        new CandidateCertificateRevoked("k1", "c1", "q1", CERTIFICATE, "malpractice"),
                        actedBy(IMI_ADMIN, "revoke certificate"))
                .events());

        assertThat(history("k1").get(2).reason()).isEqualTo("malpractice");
    }

    @Test
    void givenOnlyFirstNameAmended_whenHistoryAsked_thenOnlyFirstNameChanged() {
        processor.deliver(new History(CandidateHistories.START)
                .then("k1", registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"))
                .then("k1", new CandidateNameAmended("k1", "c1", "Zoe", "Adams", "Zoë", "Adams", "spelling"))
                .events());

        CandidateHistoryEntry amendment = history("k1").get(1);

        assertThat(amendment.changes()).isEqualTo(changes("firstName", "Zoe", "Zoë"));
        assertThat(history("k1").get(0).changes()).doesNotContainKey("uln");
    }

    @Test
    void givenNoActorInMetadata_whenHistoryAsked_thenNullPinAndTheEventsReason() {
        processor.deliver(new History(CandidateHistories.START)
                .then("k1", registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"))
                .then("k1", new CandidateWithdrawn("k1", "c1", "left course"))
                .events());

        assertThat(history("k1")).extracting(CandidateHistoryEntry::actorPin).containsOnlyNulls();
        assertThat(history("k1").get(1).reason()).isEqualTo("left course");
    }

    @Test
    void givenReasonOnlyInMetadata_whenHistoryAsked_thenThatReason() {
        processor.deliver(new History(CandidateHistories.START)
                .then(
                        "k1",
                        registered("k1", "c1", "Q7M2K9XA", "Zoe", "Adams", null, "MV3"),
                        actedBy("10000001", "late paperwork"))
                .then("k1", new CandidateReinstated("k1", "c1", null), actedBy("10000001", "appeal upheld"))
                .events());

        assertThat(history("k1"))
                .extracting(CandidateHistoryEntry::reason)
                .containsExactly("late paperwork", "appeal upheld");
    }

    @Test
    void givenHistoryApplied_whenEveryEventRedelivered_thenEachEntryOnce() {
        List<Recorded> events = CandidateHistories.everyEvent();
        processor.deliver(events);
        List<Document> once = allDocuments(database, CandidateHistoryProjection.COLLECTION);

        processor.deliver(events);
        events.forEach(processor::deliver);

        assertThat(allDocuments(database, CandidateHistoryProjection.COLLECTION))
                .isEqualTo(once);
        assertThat(history("k1")).hasSize(5);
        assertThat(history("k4")).hasSize(4);
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayed_thenIdenticalDocuments() {
        List<Recorded> events = CandidateHistories.everyEvent();
        processor.deliver(events);
        List<Document> applied = allDocuments(database, CandidateHistoryProjection.COLLECTION);

        processor.reset();
        assertThat(history("k1")).isEmpty();
        processor.deliver(events);

        assertThat(allDocuments(database, CandidateHistoryProjection.COLLECTION))
                .isEqualTo(applied);
    }
}
