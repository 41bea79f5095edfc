package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.query.audit.AuditHistory.Stored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit log as the single-segment audit processor builds it: every event once, chained in global order. */
class AuditLogProjectionTest {

    private final AuditStore store = new AuditStore();
    private final List<Stored> history = AuditStory.history().events();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void projectionBelongsToTheAuditProcessor() {
        assertThat(AuditLogProjection.class.getAnnotation(ProcessingGroup.class).value())
                .isEqualTo(AuditLogProjection.PROCESSING_GROUP)
                .isEqualTo("audit");
    }

    @Test
    void givenEventsOfEveryAggregate_whenDelivered_thenEachIsLoggedOnceWithItsRecordType() {
        store.deliver(history);

        assertThat(store.jdbc.queryForList("SELECT global_index, event_type, aggregate_type, record_type, "
                        + "aggregate_id, sequence_number FROM audit_log ORDER BY global_index"))
                .extracting(row -> tuple(
                        row.get("GLOBAL_INDEX"),
                        row.get("EVENT_TYPE"),
                        row.get("AGGREGATE_TYPE"),
                        row.get("RECORD_TYPE"),
                        row.get("AGGREGATE_ID"),
                        row.get("SEQUENCE_NUMBER")))
                .containsExactly(
                        tuple(1L, "CentreApplied", "Centre", "centre", "c1", 0L),
                        tuple(2L, "CandidateRegistered", "Candidate", "candidate", "k1", 0L),
                        tuple(3L, "CandidateRegistered", "Candidate", "candidate", "k2", 0L),
                        tuple(4L, "CandidateRegistered", "Candidate", "candidate", "k3", 0L),
                        tuple(5L, "AttemptOpened", "Attempt", "attempt", "a1", 0L),
                        tuple(6L, "AttemptOpened", "Attempt", "attempt", "a2", 0L),
                        tuple(7L, "AttemptStarted", "Attempt", "attempt", "a1", 1L),
                        tuple(8L, "AnswerChosen", "Attempt", "attempt", "a1", 2L),
                        tuple(9L, "AttemptOpened", "Attempt", "attempt", "a3", 0L),
                        tuple(10L, "AttemptStarted", "Attempt", "attempt", "a3", 1L),
                        tuple(11L, "AttemptStarted", "Attempt", "attempt", "a2", 1L),
                        tuple(12L, "CandidateNameAmended", "Candidate", "candidate", "k1", 1L),
                        tuple(13L, "AttemptSubmitted", "Attempt", "attempt", "a1", 3L),
                        tuple(14L, "CandidateTransferred", "Candidate", "candidate", "k2", 1L),
                        tuple(15L, "CertificateClaimed", "Claim", "claim", "cl1", 0L),
                        tuple(16L, "UserCreated", "User", "user", "u1", 0L),
                        tuple(17L, "PassMarkChanged", "Qualification", "qualification", "LV3", 0L),
                        tuple(18L, "HubRequestRaised", "HubRequest", "hubrequest", "r1", 0L),
                        tuple(19L, "CaseFrozen", "InvestigationCase", "investigationcase", "case1", 0L),
                        tuple(20L, "CandidateWithdrawn", "Candidate", "candidate", "k1", 2L),
                        tuple(21L, "AttemptVoided", "Attempt", "attempt", "a1", 4L));
    }

    @Test
    void givenAnEventWithNoAggregate_whenDelivered_thenLoggedAndChainedAllTheSame() {
        store.deliver(history.get(0).tracked());
        GenericEventMessage<String> notice =
                new GenericEventMessage<>("maintenance window", MetaData.with(AuditMetadata.ACTOR_PIN, IMI));

        store.deliver(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(2), notice));

        Map<String, Object> row = store.rows("audit_log").get(1);
        assertThat(row)
                .containsEntry("GLOBAL_INDEX", 2L)
                .containsEntry("EVENT_TYPE", "String")
                .containsEntry("AGGREGATE_TYPE", null)
                .containsEntry("RECORD_TYPE", null)
                .containsEntry("SEQUENCE_NUMBER", -1L)
                .containsEntry("ACTOR_PIN", IMI)
                .containsEntry("PREVIOUS_HASH", store.rows("audit_log").get(0).get("CHAIN_HASH"));
        assertThat(store.log.count()).isEqualTo(2);
    }

    private static final String IMI = AuditStory.IMI_ADMIN;

    @Test
    void givenHistory_whenDelivered_thenChainIsAuditChainRunByHandOverTheStoredEvents() {
        store.deliver(history);

        String previous = AuditChain.GENESIS;
        List<List<String>> expected = new ArrayList<>();
        for (Stored event : history) {
            String hash = AuditChain.next(previous, AuditStore.stored(event));
            expected.add(List.of(previous, hash));
            previous = hash;
        }
        assertThat(store.rows("audit_log"))
                .extracting(row -> List.of(row.get("PREVIOUS_HASH"), row.get("CHAIN_HASH")))
                .isEqualTo(expected);
        assertThat(store.log.head()).contains(new ChainHead(21, AuditStory.timeOf(21), 21, previous));
        assertThat(store.log.hashes(19, 10))
                .containsExactly(
                        new AuditLog.StoredHash(20, "event-20", expected.get(19).get(1)),
                        new AuditLog.StoredHash(21, "event-21", expected.get(20).get(1)));
        assertThat(store.log.hashes(0, 2))
                .extracting(AuditLog.StoredHash::position)
                .containsExactly(1L, 2L);
        assertThat(store.log.hashAt(13))
                .contains(
                        new AuditLog.StoredHash(13, "event-13", expected.get(12).get(1)));
        assertThat(store.log.hashAt(22)).isEmpty();
    }

    @Test
    void givenHistory_whenDelivered_thenPayloadAndMetadataAreTheStoredJson() {
        store.deliver(history);

        Stored claim = history.get(14);
        Map<String, Object> row = store.rows("audit_log").get(14);
        assertThat(row.get("PAYLOAD"))
                .isEqualTo(claim.message()
                        .serializePayload(AuditStore.SERIALIZER, String.class)
                        .getData());
        assertThat(row.get("METADATA"))
                .isEqualTo(claim.message()
                        .serializeMetaData(AuditStore.SERIALIZER, String.class)
                        .getData());
        assertThat(row.get("PAYLOAD_TYPE")).isEqualTo("org.awardinghub.events.certification.CertificateClaimed");
        assertThat(row.get("EVENT_ID")).isEqualTo("event-15");
        assertThat(row.get("OCCURRED_AT")).isEqualTo(AuditStory.timeOf(15).toEpochMilli());
    }

    @Test
    void givenEveryEventDeliveredTwice_whenComparedWithOnce_thenNothingChanged() {
        store.deliver(history);
        try (AuditStore twice = new AuditStore()) {
            history.forEach(event -> {
                twice.deliver(event.tracked());
                twice.deliver(event.tracked());
            });

            assertThat(twice.everything()).isEqualTo(store.everything());
        }
    }

    @Test
    void givenHistory_whenDeliveredInBatchesAndAgainInOtherBatches_thenAsIfDeliveredOneAtATime() {
        store.deliver(history);
        try (AuditStore batched = new AuditStore()) {
            List<EventMessage<?>> events =
                    history.stream().<EventMessage<?>>map(Stored::tracked).toList();

            batched.deliverInBatches(events, 4);
            var once = batched.everything();
            batched.deliverInBatches(events, 3);

            assertThat(once).isEqualTo(store.everything());
            assertThat(batched.everything()).isEqualTo(once);
            assertThat(batched.log.count()).isEqualTo(21);
        }
    }

    /** Late events in the middle of a batch, between events after the head: each takes its place in the chain. */
    @Test
    void givenGapsFilledLateInsideBatches_whenDelivered_thenChainIsAsIfDeliveredInGlobalOrder() {
        store.deliver(history);
        try (AuditStore late = new AuditStore()) {
            List<EventMessage<?>> order = new ArrayList<>();
            history.stream()
                    .filter(event -> event.position() < 5 || event.position() > 6 && event.position() < 13)
                    .forEach(event -> order.add(event.tracked()));
            order.add(history.get(4).tracked());
            order.add(history.get(12).tracked());
            order.add(history.get(5).tracked());
            history.stream().filter(event -> event.position() > 13).forEach(event -> order.add(event.tracked()));

            late.deliverInBatches(order, 4);

            assertThat(late.everything()).isEqualTo(store.everything());
        }
    }

    @Test
    void givenHistoryApplied_whenAnyEarlierEventRedelivered_thenNothingChanged() {
        store.deliver(history);
        var applied = store.everything();

        history.forEach(event -> store.deliver(event.tracked()));

        assertThat(store.everything()).isEqualTo(applied);
        assertThat(store.log.count()).isEqualTo(21);
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayed_thenIdenticalRowsAndHashes() {
        store.deliver(history);
        var applied = store.everything();

        store.reset();
        assertThat(store.everything().values())
                .allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(store.log.head()).isEmpty();
        history.forEach(event -> store.deliver(event.replayed(21)));

        assertThat(store.everything()).isEqualTo(applied);
        assertThat(applied.get("audit_log")).hasSize(21);
        assertThat(applied.get("audit_cases")).hasSize(1);
        assertThat(applied.get("audit_links")).isNotEmpty();
    }

    @Test
    void givenAGapFilledLate_whenTheMissingEventArrives_thenChainIsAsIfDeliveredInGlobalOrder() {
        store.deliver(history);
        try (AuditStore late = new AuditStore()) {
            history.stream()
                    .filter(event -> event.position() != 5 && event.position() != 6)
                    .forEach(event -> late.deliver(event.tracked()));
            late.deliver(history.get(5).tracked());
            late.deliver(history.get(4).tracked());

            assertThat(late.everything()).isEqualTo(store.everything());
        }
    }

    /**
     * As the JPA event store delivers a late event: its token is the processor's high-water mark with the gap now
     * filled, so the token's position is the highest read, not the event's; the event's own position is the one the
     * event store gave it.
     */
    @Test
    void givenAGapFilledLate_whenDeliveredWithTheHighWaterMarkToken_thenLoggedAtItsOwnPosition() {
        store.deliver(history);
        try (AuditStore late = new AuditStore()) {
            late.jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY,"
                    + " event_identifier VARCHAR(255) NOT NULL)");
            AuditHistory.Stored missing = history.get(4);
            late.jdbc.update(
                    "INSERT INTO domain_event_entry VALUES (?, ?)",
                    missing.position(),
                    missing.message().getIdentifier());
            history.stream().filter(event -> event != missing).forEach(event -> late.deliver(event.tracked()));
            long highest = history.get(history.size() - 1).position();
            late.deliver(new GenericTrackedDomainEventMessage<>(
                    GapAwareTrackingToken.newInstance(highest, java.util.List.of()), missing.message()));
            late.jdbc.execute("DROP TABLE domain_event_entry");

            assertThat(late.everything()).isEqualTo(store.everything());
        }
    }

    @Test
    void givenRecordHistory_whenAsked_thenItsEventsInSequenceOrderWithMetadataExtracted() {
        store.deliver(history);

        List<AuditEvent> events = store.projection.handle(new FindRecordEvents("candidate", "k1"));

        assertThat(events)
                .extracting(AuditEvent::sequence, AuditEvent::globalPosition, AuditEvent::type)
                .containsExactly(
                        tuple(0L, 2L, "CandidateRegistered"),
                        tuple(1L, 12L, "CandidateNameAmended"),
                        tuple(2L, 20L, "CandidateWithdrawn"));
        AuditEvent amended = events.get(1);
        assertThat(amended.recordType()).isEqualTo("candidate");
        assertThat(amended.recordId()).isEqualTo("k1");
        assertThat(amended.at()).isEqualTo(AuditStory.timeOf(12));
        assertThat(amended.actorPin()).isEqualTo(AuditStory.ADMIN_C1);
        assertThat(amended.reason()).isEqualTo("typing error");
        assertThat(amended.correlationId()).isEqualTo("corr-" + AuditStory.ADMIN_C1);
        assertThat(amended.clientAddress()).isEqualTo("192.0.2.1");
        assertThat(amended.actorRegistrationNumber()).isNull();
        assertThat(amended.payload())
                .containsEntry("candidateId", "k1")
                .containsEntry("oldFirstName", "Ann")
                .containsEntry("firstName", "Anne")
                .containsEntry("reason", "typing error");
        assertThat(amended.metadata())
                .containsEntry(AuditMetadata.ACTOR_PIN, AuditStory.ADMIN_C1)
                .containsEntry(AuditMetadata.ACTOR_ROLES, List.of("ROLE"));
    }

    @Test
    void givenAttemptHistory_whenAsked_thenCandidateActsByRegistrationNumberAndPayloadIsParsedDeep() {
        store.deliver(history);

        List<AuditEvent> events = store.projection.handle(new FindRecordEvents("attempt", "a1"));

        assertThat(events).extracting(AuditEvent::globalPosition).containsExactly(5L, 7L, 8L, 13L, 21L);
        AuditEvent started = events.get(1);
        assertThat(started.actorPin()).isNull();
        assertThat(started.actorRegistrationNumber()).isEqualTo("Q7M2K9XA");
        assertThat(started.clientAddress()).isEqualTo("198.51.100.7");
        assertThat(started.payload().get("questions"))
                .asList()
                .hasSize(2)
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("itemId", "i1");
        assertThat(started.payload())
                .containsEntry("startedAt", AuditStory.timeOf(7).toString());
        assertThat(events.get(4).reason()).isEqualTo("malpractice");
        assertThat(store.projection.handle(new FindRecordEvents("candidate", "a1")))
                .isEmpty();
        assertThat(store.projection.handle(new FindRecordEvents("attempt", "nobody")))
                .isEmpty();
    }

    @Test
    void givenEventsWithoutMetadataReasonOrCentre_whenLogged_thenEventsOwnReasonAndActorsCentreAreUsed() {
        AuditHistory own = new AuditHistory(AuditStory.START)
                .then(
                        "Centre",
                        "c9",
                        new CentreApplied("c9", "Alton College", "Old Odiham Road", "o@c9.example"),
                        AuditStory.staff(AuditStory.IMI_ADMIN, null, null))
                .then(
                        "Candidate",
                        "k9",
                        new org.awardinghub.events.candidate.CandidateWithdrawn("k9", "c9", "left college"),
                        Map.of(AuditMetadata.ACTOR_PIN, "10000009"))
                .then(
                        "User",
                        "u9",
                        new org.awardinghub.events.user.UserSignedOut("u9", null),
                        AuditStory.staff("10000009", "c8", null));
        store.deliver(own.events());

        assertThat(store.jdbc.queryForList(
                        "SELECT centre_id, candidate_id, reason FROM audit_log " + "ORDER BY global_index"))
                .extracting(row -> tuple(row.get("CENTRE_ID"), row.get("CANDIDATE_ID"), row.get("REASON")))
                .containsExactly(tuple("c9", null, null), tuple("c9", "k9", "left college"), tuple("c8", null, null));
    }

    @Test
    void givenCaseFrozen_whenLogged_thenCaseIsRecordedWithItsRecordsAndWhoFrozeIt() {
        store.deliver(history);

        assertThat(store.rows("audit_cases"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("CASE_ID", "case1")
                        .containsEntry("TITLE", "Notes found in LV01-MC")
                        .containsEntry("UP_TO_POSITION", 13L)
                        .containsEntry("FROZEN_AT", AuditStory.timeOf(19).toEpochMilli())
                        .containsEntry("FROZEN_BY_PIN", AuditStory.AUDITOR)
                        .containsEntry(
                                "RECORDS",
                                "[{\"type\":\"candidate\",\"id\":\"k1\"},{\"type\":\"attempt\",\"id\":\"a1\"}]"));
    }

    @Test
    void givenNothing_whenHeadAsked_thenNoneAndCountZero() {
        assertThat(store.projection.handle(new FindChainHead())).isNull();
        assertThat(store.log.head()).isEmpty();
        assertThat(store.log.count()).isZero();
        assertThat(store.log.hashes(0, 100)).isEmpty();
    }

    @Test
    void givenTimestampWithNanoseconds_whenLogged_thenHashedAtTheMillisecondTheEventStoreKeeps() {
        Instant precise = Instant.parse("2026-06-01T09:00:00.123456789Z");
        var message = new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                "Centre",
                "c1",
                0,
                new CentreApplied("c1", "Hertford College", "1 High Street", "office@c1.example"),
                MetaData.emptyInstance(),
                "event-1",
                precise);
        store.deliver(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(1), message));

        var payload = message.serializePayload(AuditStore.SERIALIZER, String.class);
        String expected = AuditChain.next(
                AuditChain.GENESIS,
                new AuditChain.StoredEvent(
                        1,
                        "event-1",
                        payload.getType().getName(),
                        "Centre",
                        "c1",
                        0,
                        Instant.parse("2026-06-01T09:00:00.123Z"),
                        payload.getData(),
                        "{}"));
        assertThat(store.log.head()).map(ChainHead::hash).contains(expected);
    }
}
