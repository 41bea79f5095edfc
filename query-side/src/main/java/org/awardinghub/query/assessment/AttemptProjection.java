package org.awardinghub.query.assessment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.query.DocumentBatch;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@value #ATTEMPTS} read model ({@code _id} = attempt id): each attempt as centre users and IMI staff see it,
 * marks included, stored as its {@link AttemptView} — {@link FindAttempt}, {@link ListCentreAttempts}.
 *
 * <p>The attempt read models ({@link SittingProjection}, {@link AnswerTrailProjection},
 * {@link CandidateAttemptsProjection} beside this one) share the processor named here. Each document holds one
 * attempt, guarded by the attempt's aggregate sequence like every read model ({@link ReadModelCollection}), and is
 * written through {@link DocumentBatch}: a room answering together sends each attempt many events in a row, and a
 * batch reads and writes each attempt's document once rather than once per answer.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class AttemptProjection {

    /** A pooled processor with several segments; Axon's default sequencing keeps each attempt's events in order. */
    public static final String PROCESSING_GROUP = "assessment";

    public static final String ATTEMPTS = "attempts";

    private static final String CENTRE_ID = "centreId";
    private static final String STATUS = "status";
    private static final String OPENED_AT = "openedAt";

    private static final DocumentMapper<AttemptView> ATTEMPT = DocumentMapper.of(AttemptView.class);

    private final ReadModelCollection attempts;
    private final DocumentBatch writes;
    /** {@link CandidateAttemptsProjection}'s: which attempts a candidate has, by one key lookup. */
    private final ReadModelCollection candidateAttempts;

    public AttemptProjection(MongoDatabase database) {
        this.attempts = new ReadModelCollection(database, ATTEMPTS);
        this.writes = new DocumentBatch(attempts);
        this.candidateAttempts = new ReadModelCollection(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);
        // for a real MongoDB; the embedded store ignores non-unique indexes, see handle(ListCentreAttempts)
        attempts.ensureIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(OPENED_AT, ID)));
    }

    @EventHandler
    void on(AttemptOpened event, @SequenceNumber long sequence) {
        writes.insert(
                event.attemptId(),
                sequence,
                ATTEMPT.toDocument(new AttemptView(
                        event.attemptId(),
                        event.candidateId(),
                        event.registrationNumber(),
                        event.centreId(),
                        event.qualificationCode(),
                        event.assessmentCode(),
                        event.attemptNumber(),
                        AttemptStatus.OPENED,
                        event.invigilatorPin(),
                        event.openedAt(),
                        event.keyValidUntil(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        false,
                        null,
                        List.of(),
                        null)));
    }

    /** Recorded just before the start, for a candidate with approved arrangements: the invigilator sees them. */
    @EventHandler
    void on(AccessArrangementsApplied event, @SequenceNumber long sequence) {
        writes.change(event.attemptId(), sequence, ATTEMPT.changing(attempt -> attempt.with(Adjustments.of(event))));
    }

    @EventHandler
    void on(AttemptStarted event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt -> attempt.started(event.startedAt(), event.endsAt())));
    }

    @EventHandler
    void on(AttemptPaused event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt -> attempt.pausedBy(new AttemptView.Pause(
                        event.kind(), event.reason(), event.byPin(), event.pausedAt(), null, null, null))));
    }

    @EventHandler
    void on(AttemptResumed event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt ->
                        attempt.resumed(event.byPin(), event.resumedAt(), event.pausedMillis(), event.endsAt())));
    }

    @EventHandler
    void on(AttemptSubmitted event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt -> attempt.submitted(
                        event.startedAt(),
                        event.endsAt(),
                        event.submittedAt(),
                        event.submittedBy(),
                        new AttemptView.Result(
                                event.score(), event.maxScore(), event.percent(), event.passPercent(), event.outcome()),
                        event.marks().stream()
                                .map(mark -> new AttemptView.Mark(
                                        mark.questionId(), mark.itemId(), mark.optionId(), mark.correct()))
                                .toList())));
    }

    @EventHandler
    void on(AttemptKeyExpired event, @SequenceNumber long sequence) {
        writes.change(event.attemptId(), sequence, ATTEMPT.changing(attempt -> attempt.with(AttemptStatus.EXPIRED)));
    }

    /** The result stays, marked as voided: it no longer counts, but what it was remains visible. */
    @EventHandler
    void on(
            AttemptVoided event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = voidReason(event, metadataReason);
        writes.change(event.attemptId(), sequence, ATTEMPT.changing(attempt -> attempt.voided(reason, at)));
    }

    /** A corrected result after a review (issue 18): the attempt stays SUBMITTED, with the new result. */
    @EventHandler
    void on(AttemptOutcomeChanged event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt -> attempt.result() == null
                        ? attempt
                        : attempt.submitted(
                                attempt.startedAt(),
                                attempt.endsAt(),
                                attempt.submittedAt(),
                                attempt.submittedBy(),
                                new AttemptView.Result(
                                        event.score(),
                                        attempt.result().maxScore(),
                                        event.percent(),
                                        attempt.result().passPercent(),
                                        event.outcome()),
                                attempt.marks())));
    }

    /**
     * The candidate erased (ADR 0165): each of their attempts keeps its result and marks, with the void's and every
     * pause's reason "(erased)"; through the batch, as every write here. Each document stays guarded by its own
     * attempt's sequence. The attempts are the candidate's document's in
     * {@value CandidateAttemptsProjection#CANDIDATE_ATTEMPTS}; one opened after this (in a replay, on a segment behind
     * this one) reads "(erased)" from its own events.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String attemptId : CandidateAttemptsProjection.attemptIdsOf(candidateAttempts, event.candidateId())) {
            writes.rewrite(attemptId, ATTEMPT.changing(AttemptView::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        attempts.deleteAll();
    }

    @QueryHandler
    AttemptView handle(FindAttempt query) {
        return ATTEMPT.fromDocument(attempts.find(query.attemptId()));
    }

    /**
     * A centre's attempts, newest opened first, optionally of one status. Declared raw on purpose: Axon matches the
     * API's {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. The items are
     * {@link AttemptSummary}s. Real MongoDB serves it from the index on {@code (centreId, openedAt, _id)}; the
     * embedded store ignores non-unique indexes and scans {@value #ATTEMPTS} — acceptable for a centre's list,
     * which is asked far less often than attempts are written, and not on any candidate's path. A null centre lists
     * nothing rather than every centre's attempts.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListCentreAttempts query) {
        if (query.centreId() == null) {
            return ReadModelCollection.emptyPage(query.page(), query.size());
        }
        List<Bson> conditions = new ArrayList<>();
        conditions.add(eq(CENTRE_ID, query.centreId()));
        if (query.status() != null) {
            conditions.add(eq(STATUS, query.status().name()));
        }
        // the days opened: a range of the (centreId, openedAt) index
        conditions.addAll(ReadModelCollection.onDays(OPENED_AT, query.openedFrom(), query.openedTo()));
        return attempts.page(
                conditions.size() == 1 ? conditions.get(0) : and(conditions),
                descending(OPENED_AT, ID),
                query.page(),
                query.size(),
                attempt -> AttemptSummary.of(ATTEMPT.fromDocument(attempt)));
    }

    /**
     * The centre's attempts now running (STARTED, paused or not), oldest started first: the invigilator's room.
     * Read from the same documents as {@link ListCentreAttempts}; a null centre lists nothing.
     */
    @QueryHandler
    List<AttemptView> handle(ListRunningAttempts query) {
        if (query.centreId() == null) {
            return List.of();
        }
        return attempts.list(
                and(eq(CENTRE_ID, query.centreId()), eq(STATUS, AttemptStatus.STARTED.name())),
                ascending("startedAt", ID),
                ATTEMPT::fromDocument);
    }

    /** The reason the voiding command gave, or else the one its metadata carries. */
    static String voidReason(AttemptVoided event, String metadataReason) {
        return event.reason() != null && !event.reason().isBlank() ? event.reason() : metadataReason;
    }
}
