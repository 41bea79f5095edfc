package org.awardinghub.query.assessment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.SubmittedBy;
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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Online assessment attempts, in four read models kept from the attempt's events:
 *
 * <ul>
 *   <li>{@value #ATTEMPTS} ({@code _id} = attempt id): the attempt as centre users and IMI staff see it, marks
 *       included — {@link FindAttempt}, {@link ListCentreAttempts};</li>
 *   <li>{@value #SITTINGS} ({@code _id} = attempt id, from the start): what the candidate sitting it sees — the
 *       questions as shown, the option chosen for each, and once marked only the overall result. No item ids, no
 *       bank option indexes, no per-question marks: nothing that tells which option is right —
 *       {@link FindSitting};</li>
 *   <li>{@value #ANSWER_TRAILS} ({@code _id} = attempt id): every step in order, with actor and client address —
 *       {@link FindAnswerTrail};</li>
 *   <li>{@value #CANDIDATE_ATTEMPTS} ({@code _id} = candidate id): one summary per attempt of the candidate, so
 *       that {@link ListCandidateAttempts} is a key lookup, never a scan.</li>
 * </ul>
 *
 * <p>The first three hold one attempt each and are guarded by the attempt's aggregate sequence, like every
 * read model ({@link ReadModelCollection}). They are written through {@link DocumentBatch}: a room answering
 * together sends each attempt many events in a row, and a batch reads and writes each attempt's documents once
 * rather than three to five round trips per answer. A candidate's document gathers several attempts, which different
 * processor threads may handle at once (the processor is pooled, sequenced per attempt): there each entry keeps
 * the sequence of its attempt's last applied event ({@value #ENTRY_SEQUENCE}) and the document is written with a
 * versioned compare-and-set ({@link ReadModelCollection#updateVersioned}), retried when another attempt's event
 * got in between.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class AttemptProjection {

    /** A pooled processor with several segments; Axon's default sequencing keeps each attempt's events in order. */
    public static final String PROCESSING_GROUP = "assessment";

    public static final String ATTEMPTS = "attempts";
    public static final String SITTINGS = "sittings";
    public static final String ANSWER_TRAILS = "answer_trails";
    public static final String CANDIDATE_ATTEMPTS = "candidate_attempts";

    /** The trail's entry types, in the order they can occur. */
    public static final String OPENED = "OPENED";

    public static final String STARTED = "STARTED";
    public static final String ANSWERED = "ANSWERED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String VOIDED = "VOIDED";

    static final String ENTRY_SEQUENCE = "seq";

    private static final String ATTEMPT_ID = "attemptId";
    private static final String CENTRE_ID = "centreId";
    private static final String STATUS = "status";
    private static final String OPENED_AT = "openedAt";
    private static final String ENTRIES = "entries";

    private static final DocumentMapper<AttemptView> ATTEMPT = DocumentMapper.of(AttemptView.class);
    private static final DocumentMapper<SittingView> SITTING = DocumentMapper.of(SittingView.class);
    private static final DocumentMapper<AnswerTrail> TRAIL = DocumentMapper.of(AnswerTrail.class);
    private static final DocumentMapper<AttemptSummary> SUMMARY = DocumentMapper.of(AttemptSummary.class);

    private static final Comparator<AttemptSummary> OLDEST_FIRST = Comparator.comparing(
                    AttemptSummary::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AttemptSummary::attemptId);

    private final ReadModelCollection attempts;
    private final ReadModelCollection sittings;
    private final ReadModelCollection trails;
    private final ReadModelCollection candidateAttempts;
    private final DocumentBatch attemptWrites;
    private final DocumentBatch sittingWrites;
    private final DocumentBatch trailWrites;

    public AttemptProjection(MongoDatabase database) {
        this.attempts = new ReadModelCollection(database, ATTEMPTS);
        this.sittings = new ReadModelCollection(database, SITTINGS);
        this.trails = new ReadModelCollection(database, ANSWER_TRAILS);
        this.candidateAttempts = new ReadModelCollection(database, CANDIDATE_ATTEMPTS);
        this.attemptWrites = new DocumentBatch(attempts);
        this.sittingWrites = new DocumentBatch(sittings);
        this.trailWrites = new DocumentBatch(trails);
        // for a real MongoDB; the embedded store ignores non-unique indexes, see handle(ListCentreAttempts)
        attempts.ensureIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(OPENED_AT, ID)));
    }

    @EventHandler
    void on(
            AttemptOpened event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        attemptWrites.insert(
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
                        null)));
        trailWrites.insert(
                event.attemptId(),
                sequence,
                TRAIL.toDocument(new AnswerTrail(
                        event.attemptId(),
                        event.candidateId(),
                        event.centreId(),
                        event.assessmentCode(),
                        0,
                        List.of(step(
                                event.openedAt(),
                                OPENED,
                                event.invigilatorPin(),
                                clientAddress,
                                "key valid until " + event.keyValidUntil())))));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry != null
                        ? null
                        : new AttemptSummary(
                                event.attemptId(),
                                event.candidateId(),
                                event.registrationNumber(),
                                event.centreId(),
                                event.assessmentCode(),
                                event.attemptNumber(),
                                AttemptStatus.OPENED,
                                event.openedAt(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null));
    }

    @EventHandler
    void on(
            AttemptStarted event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        attemptWrites.change(
                event.attemptId(),
                sequence,
                ATTEMPT.changing(attempt -> attempt.started(event.startedAt(), event.endsAt())));
        // only what the candidate is shown: no item ids, no bank option indexes
        sittingWrites.insert(
                event.attemptId(),
                sequence,
                SITTING.toDocument(new SittingView(
                        event.attemptId(),
                        event.assessmentCode(),
                        AttemptStatus.STARTED,
                        event.startedAt(),
                        event.endsAt(),
                        null,
                        event.questions().stream()
                                .map(question -> new SittingView.Question(
                                        question.questionId(),
                                        question.stem(),
                                        question.options().stream()
                                                .map(option -> new SittingView.Option(option.optionId(), option.text()))
                                                .toList(),
                                        null))
                                .toList(),
                        null)));
        trailWrites.change(
                event.attemptId(),
                sequence,
                TRAIL.changing(trail -> trail.seeded(event.seed())
                        .followedBy(step(
                                event.startedAt(),
                                STARTED,
                                registrationNumber,
                                clientAddress,
                                "seed " + event.seed() + ", ends " + event.endsAt()))));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null ? null : entry.started(event.startedAt()));
    }

    @EventHandler
    void on(
            AnswerChosen event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        sittingWrites.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.chosen(event.questionId(), event.optionId())));
        trailWrites.change(
                event.attemptId(),
                sequence,
                TRAIL.changing(trail -> trail.followedBy(new AnswerTrail.Entry(
                        event.answeredAt(),
                        ANSWERED,
                        event.questionId(),
                        event.itemId(),
                        event.optionId(),
                        event.previousOptionId(),
                        registrationNumber,
                        clientAddress,
                        null))));
    }

    @EventHandler
    void on(
            AttemptSubmitted event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        attemptWrites.change(
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
        // the candidate's own result, never the marks: they would tell which options were right
        sittingWrites.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.submitted(
                        event.submittedAt(),
                        new SittingView.Result(event.score(), event.maxScore(), event.percent(), event.outcome()))));
        boolean byTimeLimit = event.submittedBy() == SubmittedBy.TIME_LIMIT;
        trailWrites.change(
                event.attemptId(),
                sequence,
                TRAIL.changing(trail -> trail.followedBy(step(
                        event.submittedAt(),
                        SUBMITTED,
                        byTimeLimit ? AuditMetadata.SYSTEM_ACTOR : registrationNumber,
                        byTimeLimit ? null : clientAddress,
                        event.submittedBy() + ", score " + event.score() + "/" + event.maxScore() + ", "
                                + event.outcome()))));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null
                        ? null
                        : entry.submitted(
                                event.startedAt(),
                                event.submittedAt(),
                                event.score(),
                                event.maxScore(),
                                event.percent(),
                                event.outcome()));
    }

    @EventHandler
    void on(AttemptKeyExpired event, @SequenceNumber long sequence) {
        attemptWrites.change(
                event.attemptId(), sequence, ATTEMPT.changing(attempt -> attempt.with(AttemptStatus.EXPIRED)));
        trailWrites.change(
                event.attemptId(),
                sequence,
                TRAIL.changing(trail ->
                        trail.followedBy(step(event.expiredAt(), EXPIRED, AuditMetadata.SYSTEM_ACTOR, null, null))));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null ? null : entry.with(AttemptStatus.EXPIRED));
    }

    /** The result stays, marked as voided: it no longer counts, but what it was remains visible. */
    @EventHandler
    void on(
            AttemptVoided event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = event.reason() != null && !event.reason().isBlank() ? event.reason() : metadataReason;
        attemptWrites.change(event.attemptId(), sequence, ATTEMPT.changing(attempt -> attempt.voided(reason, at)));
        sittingWrites.change(
                event.attemptId(), sequence, SITTING.changing(sitting -> sitting.with(AttemptStatus.VOIDED)));
        trailWrites.change(
                event.attemptId(),
                sequence,
                TRAIL.changing(trail -> trail.followedBy(step(at, VOIDED, actorPin, clientAddress, reason))));
        changeCandidateAttempt(
                event.candidateId(), event.attemptId(), sequence, entry -> entry == null ? null : entry.voided(reason));
    }

    @ResetHandler
    void reset() {
        attempts.deleteAll();
        sittings.deleteAll();
        trails.deleteAll();
        candidateAttempts.deleteAll();
    }

    @QueryHandler
    AttemptView handle(FindAttempt query) {
        return ATTEMPT.fromDocument(attempts.find(query.attemptId()));
    }

    /** The candidate's live view; null until the attempt has started, and for an unknown attempt. */
    @QueryHandler
    SittingView handle(FindSitting query) {
        return SITTING.fromDocument(sittings.find(query.attemptId()));
    }

    @QueryHandler
    AnswerTrail handle(FindAnswerTrail query) {
        return TRAIL.fromDocument(trails.find(query.attemptId()));
    }

    /** Every attempt of the candidate, oldest opened first: one key lookup. Empty for an unknown candidate. */
    @QueryHandler
    List<AttemptSummary> handle(ListCandidateAttempts query) {
        return entries(candidateAttempts.find(query.candidateId())).stream()
                .map(SUMMARY::fromDocument)
                .sorted(OLDEST_FIRST)
                .toList();
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
        Bson filter = query.status() == null
                ? eq(CENTRE_ID, query.centreId())
                : and(eq(CENTRE_ID, query.centreId()), eq(STATUS, query.status().name()));
        return attempts.page(
                filter,
                descending(OPENED_AT, ID),
                query.page(),
                query.size(),
                attempt -> AttemptSummary.of(ATTEMPT.fromDocument(attempt)));
    }

    /**
     * Applies one attempt's event to its entry in the candidate's document. {@code change} gets a copy of the
     * entry (null when there is none) and answers the entry to store, or null for nothing. An entry already at or
     * past this sequence is left alone: the event was applied before. Entries are kept in the order they are listed
     * in, so that a replay writes the same document whatever order the segments ran in.
     */
    private void changeCandidateAttempt(
            String candidateId, String attemptId, long sequence, UnaryOperator<AttemptSummary> change) {
        candidateAttempts.updateVersioned(candidateId, stored -> {
            List<Document> entries = new ArrayList<>(entries(stored));
            int index = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (attemptId.equals(entries.get(i).getString(ATTEMPT_ID))) {
                    index = i;
                }
            }
            Document entry = index < 0 ? null : entries.get(index);
            if (entry != null && entry.get(ENTRY_SEQUENCE, Number.class).longValue() >= sequence) {
                return null;
            }
            AttemptSummary next = change.apply(SUMMARY.fromDocument(entry));
            if (next == null) {
                return null;
            }
            Document written = SUMMARY.toDocument(next).append(ENTRY_SEQUENCE, sequence);
            if (index < 0) {
                entries.add(written);
            } else {
                entries.set(index, written);
            }
            entries.sort(Comparator.comparing(SUMMARY::fromDocument, OLDEST_FIRST));
            return new Document(ENTRIES, entries);
        });
    }

    private static List<Document> entries(Document candidate) {
        return candidate == null ? List.of() : candidate.getList(ENTRIES, Document.class, List.of());
    }

    private static AnswerTrail.Entry step(Instant at, String type, String actor, String clientAddress, String detail) {
        return new AnswerTrail.Entry(at, type, null, null, null, null, actor, clientAddress, detail);
    }
}
