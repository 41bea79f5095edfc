package org.awardinghub.query.assessment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.DocumentBatch.appended;
import static org.awardinghub.query.DocumentBatch.with;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;

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
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.DocumentBatch;
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

    private static final String CANDIDATE_ID = "candidateId";
    private static final String REGISTRATION_NUMBER = "registrationNumber";
    private static final String CENTRE_ID = "centreId";
    private static final String QUALIFICATION_CODE = "qualificationCode";
    private static final String ASSESSMENT_CODE = "assessmentCode";
    private static final String ATTEMPT_NUMBER = "attemptNumber";
    private static final String STATUS = "status";
    private static final String INVIGILATOR_PIN = "invigilatorPin";
    private static final String OPENED_AT = "openedAt";
    private static final String KEY_VALID_UNTIL = "keyValidUntil";
    private static final String STARTED_AT = "startedAt";
    private static final String ENDS_AT = "endsAt";
    private static final String SUBMITTED_AT = "submittedAt";
    private static final String SUBMITTED_BY = "submittedBy";
    private static final String RESULT = "result";
    private static final String MARKS = "marks";
    private static final String VOIDED_FLAG = "voided";
    private static final String VOID_REASON = "voidReason";
    private static final String VOIDED_AT = "voidedAt";
    private static final String SCORE = "score";
    private static final String MAX_SCORE = "maxScore";
    private static final String PERCENT = "percent";
    private static final String PASS_PERCENT = "passPercent";
    private static final String OUTCOME = "outcome";
    private static final String QUESTIONS = "questions";
    private static final String QUESTION_ID = "questionId";
    private static final String ITEM_ID = "itemId";
    private static final String OPTION_ID = "optionId";
    private static final String OPTIONS = "options";
    private static final String CHOSEN_OPTION_ID = "chosenOptionId";
    private static final String SEED = "seed";
    private static final String ENTRIES = "entries";
    private static final String ATTEMPT_ID = "attemptId";

    private static final Comparator<Document> OLDEST_FIRST = Comparator.comparing(
                    (Document entry) -> entry.getDate(OPENED_AT), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(entry -> entry.getString(ATTEMPT_ID));

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
                new Document()
                        .append(CANDIDATE_ID, event.candidateId())
                        .append(REGISTRATION_NUMBER, event.registrationNumber())
                        .append(CENTRE_ID, event.centreId())
                        .append(QUALIFICATION_CODE, event.qualificationCode())
                        .append(ASSESSMENT_CODE, event.assessmentCode())
                        .append(ATTEMPT_NUMBER, event.attemptNumber())
                        .append(STATUS, AttemptStatus.OPENED.name())
                        .append(INVIGILATOR_PIN, event.invigilatorPin())
                        .append(OPENED_AT, date(event.openedAt()))
                        .append(KEY_VALID_UNTIL, date(event.keyValidUntil()))
                        .append(STARTED_AT, null)
                        .append(ENDS_AT, null)
                        .append(SUBMITTED_AT, null)
                        .append(SUBMITTED_BY, null)
                        .append(RESULT, null)
                        .append(MARKS, List.of())
                        .append(VOID_REASON, null)
                        .append(VOIDED_AT, null));
        trailWrites.insert(
                event.attemptId(),
                sequence,
                new Document()
                        .append(CANDIDATE_ID, event.candidateId())
                        .append(CENTRE_ID, event.centreId())
                        .append(ASSESSMENT_CODE, event.assessmentCode())
                        .append(SEED, null)
                        .append(
                                ENTRIES,
                                List.of(trailEntry(
                                        event.openedAt(),
                                        OPENED,
                                        event.invigilatorPin(),
                                        clientAddress,
                                        "key valid until " + event.keyValidUntil()))));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry != null
                        ? null
                        : new Document(ATTEMPT_ID, event.attemptId())
                                .append(CANDIDATE_ID, event.candidateId())
                                .append(REGISTRATION_NUMBER, event.registrationNumber())
                                .append(CENTRE_ID, event.centreId())
                                .append(ASSESSMENT_CODE, event.assessmentCode())
                                .append(ATTEMPT_NUMBER, event.attemptNumber())
                                .append(STATUS, AttemptStatus.OPENED.name())
                                .append(OPENED_AT, date(event.openedAt()))
                                .append(STARTED_AT, null)
                                .append(SUBMITTED_AT, null)
                                .append(SCORE, null)
                                .append(MAX_SCORE, null)
                                .append(PERCENT, null)
                                .append(OUTCOME, null)
                                .append(VOIDED_FLAG, false)
                                .append(VOID_REASON, null));
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
                attempt -> with(
                        attempt,
                        new Document()
                                .append(STATUS, AttemptStatus.STARTED.name())
                                .append(STARTED_AT, date(event.startedAt()))
                                .append(ENDS_AT, date(event.endsAt()))));
        // only what the candidate is shown: no item ids, no bank option indexes
        List<Document> questions = event.questions().stream()
                .map(question -> new Document(QUESTION_ID, question.questionId())
                        .append("stem", question.stem())
                        .append(
                                OPTIONS,
                                question.options().stream()
                                        .map(option -> new Document(OPTION_ID, option.optionId())
                                                .append("text", option.text()))
                                        .toList())
                        .append(CHOSEN_OPTION_ID, null))
                .toList();
        sittingWrites.insert(
                event.attemptId(),
                sequence,
                new Document()
                        .append(ASSESSMENT_CODE, event.assessmentCode())
                        .append(STATUS, AttemptStatus.STARTED.name())
                        .append(STARTED_AT, date(event.startedAt()))
                        .append(ENDS_AT, date(event.endsAt()))
                        .append(SUBMITTED_AT, null)
                        .append(QUESTIONS, questions)
                        .append(RESULT, null));
        trailWrites.change(
                event.attemptId(),
                sequence,
                trail -> appended(
                        with(trail, SEED, event.seed()),
                        ENTRIES,
                        trailEntry(
                                event.startedAt(),
                                STARTED,
                                registrationNumber,
                                clientAddress,
                                "seed " + event.seed() + ", ends " + event.endsAt())));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null
                        ? null
                        : entry.append(STATUS, AttemptStatus.STARTED.name())
                                .append(STARTED_AT, date(event.startedAt())));
    }

    @EventHandler
    void on(
            AnswerChosen event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        sittingWrites.change(
                event.attemptId(), sequence, sitting -> chosen(sitting, event.questionId(), event.optionId()));
        trailWrites.change(
                event.attemptId(),
                sequence,
                trail -> appended(
                        trail,
                        ENTRIES,
                        new Document("at", date(event.answeredAt()))
                                .append("type", ANSWERED)
                                .append(QUESTION_ID, event.questionId())
                                .append(ITEM_ID, event.itemId())
                                .append(OPTION_ID, event.optionId())
                                .append("previousOptionId", event.previousOptionId())
                                .append("actor", registrationNumber)
                                .append("clientAddress", clientAddress)
                                .append("detail", null)));
    }

    @EventHandler
    void on(
            AttemptSubmitted event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        String outcome = event.outcome() == null ? null : event.outcome().name();
        attemptWrites.change(
                event.attemptId(),
                sequence,
                attempt -> with(
                        attempt,
                        new Document()
                                .append(STATUS, AttemptStatus.SUBMITTED.name())
                                .append(STARTED_AT, date(event.startedAt()))
                                .append(ENDS_AT, date(event.endsAt()))
                                .append(SUBMITTED_AT, date(event.submittedAt()))
                                .append(
                                        SUBMITTED_BY,
                                        event.submittedBy() == null
                                                ? null
                                                : event.submittedBy().name())
                                .append(
                                        RESULT,
                                        new Document(SCORE, event.score())
                                                .append(MAX_SCORE, event.maxScore())
                                                .append(PERCENT, event.percent())
                                                .append(PASS_PERCENT, event.passPercent())
                                                .append(OUTCOME, outcome))
                                .append(
                                        MARKS,
                                        event.marks().stream()
                                                .map(mark -> new Document(QUESTION_ID, mark.questionId())
                                                        .append(ITEM_ID, mark.itemId())
                                                        .append(OPTION_ID, mark.optionId())
                                                        .append("correct", mark.correct()))
                                                .toList())));
        // the candidate's own result, never the marks: they would tell which options were right
        sittingWrites.change(
                event.attemptId(),
                sequence,
                sitting -> with(
                        sitting,
                        new Document()
                                .append(STATUS, AttemptStatus.SUBMITTED.name())
                                .append(SUBMITTED_AT, date(event.submittedAt()))
                                .append(
                                        RESULT,
                                        new Document(SCORE, event.score())
                                                .append(MAX_SCORE, event.maxScore())
                                                .append(PERCENT, event.percent())
                                                .append(OUTCOME, outcome))));
        boolean byTimeLimit = event.submittedBy() == SubmittedBy.TIME_LIMIT;
        trailWrites.change(
                event.attemptId(),
                sequence,
                trail -> appended(
                        trail,
                        ENTRIES,
                        trailEntry(
                                event.submittedAt(),
                                SUBMITTED,
                                byTimeLimit ? AuditMetadata.SYSTEM_ACTOR : registrationNumber,
                                byTimeLimit ? null : clientAddress,
                                event.submittedBy() + ", score " + event.score() + "/" + event.maxScore() + ", "
                                        + outcome)));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null
                        ? null
                        : entry.append(STATUS, AttemptStatus.SUBMITTED.name())
                                .append(STARTED_AT, date(event.startedAt()))
                                .append(SUBMITTED_AT, date(event.submittedAt()))
                                .append(SCORE, event.score())
                                .append(MAX_SCORE, event.maxScore())
                                .append(PERCENT, event.percent())
                                .append(OUTCOME, outcome));
    }

    @EventHandler
    void on(AttemptKeyExpired event, @SequenceNumber long sequence) {
        attemptWrites.change(
                event.attemptId(), sequence, attempt -> with(attempt, STATUS, AttemptStatus.EXPIRED.name()));
        trailWrites.change(
                event.attemptId(),
                sequence,
                trail -> appended(
                        trail,
                        ENTRIES,
                        trailEntry(event.expiredAt(), EXPIRED, AuditMetadata.SYSTEM_ACTOR, null, null)));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null ? null : entry.append(STATUS, AttemptStatus.EXPIRED.name()));
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
        attemptWrites.change(
                event.attemptId(),
                sequence,
                attempt -> with(
                        attempt,
                        new Document()
                                .append(STATUS, AttemptStatus.VOIDED.name())
                                .append(VOID_REASON, reason)
                                .append(VOIDED_AT, date(at))));
        sittingWrites.change(
                event.attemptId(), sequence, sitting -> with(sitting, STATUS, AttemptStatus.VOIDED.name()));
        trailWrites.change(
                event.attemptId(),
                sequence,
                trail -> appended(trail, ENTRIES, trailEntry(at, VOIDED, actorPin, clientAddress, reason)));
        changeCandidateAttempt(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null
                        ? null
                        : entry.append(STATUS, AttemptStatus.VOIDED.name())
                                .append(VOIDED_FLAG, true)
                                .append(VOID_REASON, reason));
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
        Document attempt = attempts.find(query.attemptId());
        return attempt == null ? null : toView(attempt);
    }

    /** The candidate's live view; null until the attempt has started, and for an unknown attempt. */
    @QueryHandler
    SittingView handle(FindSitting query) {
        Document sitting = sittings.find(query.attemptId());
        return sitting == null ? null : toSitting(sitting);
    }

    @QueryHandler
    AnswerTrail handle(FindAnswerTrail query) {
        Document trail = trails.find(query.attemptId());
        return trail == null ? null : toTrail(trail);
    }

    /** Every attempt of the candidate, oldest opened first: one key lookup. Empty for an unknown candidate. */
    @QueryHandler
    List<AttemptSummary> handle(ListCandidateAttempts query) {
        Document candidate = candidateAttempts.find(query.candidateId());
        return candidate == null
                ? List.of()
                : candidate.getList(ENTRIES, Document.class, List.of()).stream()
                        .sorted(OLDEST_FIRST)
                        .map(AttemptProjection::toSummary)
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
                attempt -> toSummary(attempt.append(ATTEMPT_ID, attempt.getString(ID))));
    }

    /**
     * Applies one attempt's event to its entry in the candidate's document. {@code change} gets a copy of the
     * entry (null when there is none) and answers the entry to store, or null for nothing. An entry already at or
     * past this sequence is left alone: the event was applied before. Entries are kept in the order they are listed
     * in, so that a replay writes the same document whatever order the segments ran in.
     */
    private void changeCandidateAttempt(
            String candidateId, String attemptId, long sequence, UnaryOperator<Document> change) {
        candidateAttempts.updateVersioned(candidateId, stored -> {
            List<Document> entries = stored == null
                    ? new ArrayList<>()
                    : new ArrayList<>(stored.getList(ENTRIES, Document.class, List.of()));
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
            Document next = change.apply(entry == null ? null : new Document(entry));
            if (next == null) {
                return null;
            }
            next.put(ENTRY_SEQUENCE, sequence);
            if (index < 0) {
                entries.add(next);
            } else {
                entries.set(index, next);
            }
            entries.sort(OLDEST_FIRST);
            return new Document(ENTRIES, entries);
        });
    }

    /** The sitting with the option chosen for that question; unchanged for a question not on its form. */
    private static Document chosen(Document sitting, String questionId, String optionId) {
        List<Document> questions = new ArrayList<>(sitting.getList(QUESTIONS, Document.class, List.of()));
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).getString(QUESTION_ID).equals(questionId)) {
                questions.set(i, with(questions.get(i), CHOSEN_OPTION_ID, optionId));
                return with(sitting, QUESTIONS, questions);
            }
        }
        return sitting;
    }

    private static Document trailEntry(Instant at, String type, String actor, String clientAddress, String detail) {
        return new Document("at", date(at))
                .append("type", type)
                .append(QUESTION_ID, null)
                .append(ITEM_ID, null)
                .append(OPTION_ID, null)
                .append("previousOptionId", null)
                .append("actor", actor)
                .append("clientAddress", clientAddress)
                .append("detail", detail);
    }

    private static AttemptView toView(Document attempt) {
        Document result = attempt.get(RESULT, Document.class);
        return new AttemptView(
                attempt.getString(ID),
                attempt.getString(CANDIDATE_ID),
                attempt.getString(REGISTRATION_NUMBER),
                attempt.getString(CENTRE_ID),
                attempt.getString(QUALIFICATION_CODE),
                attempt.getString(ASSESSMENT_CODE),
                attempt.getInteger(ATTEMPT_NUMBER, 0),
                enumValue(AttemptStatus.class, attempt, STATUS),
                attempt.getString(INVIGILATOR_PIN),
                instant(attempt, OPENED_AT),
                instant(attempt, KEY_VALID_UNTIL),
                instant(attempt, STARTED_AT),
                instant(attempt, ENDS_AT),
                instant(attempt, SUBMITTED_AT),
                enumValue(SubmittedBy.class, attempt, SUBMITTED_BY),
                result == null
                        ? null
                        : new AttemptView.Result(
                                result.getInteger(SCORE, 0),
                                result.getInteger(MAX_SCORE, 0),
                                result.getDouble(PERCENT),
                                result.getInteger(PASS_PERCENT, 0),
                                enumValue(Outcome.class, result, OUTCOME)),
                attempt.getList(MARKS, Document.class, List.of()).stream()
                        .map(mark -> new AttemptView.Mark(
                                mark.getString(QUESTION_ID),
                                mark.getString(ITEM_ID),
                                mark.getString(OPTION_ID),
                                mark.getBoolean("correct", false)))
                        .toList(),
                attempt.getString(VOID_REASON),
                instant(attempt, VOIDED_AT));
    }

    /** From a candidate's entry, or from an attempt document (its result nested, its void flag its status). */
    private static AttemptSummary toSummary(Document attempt) {
        Document scored = attempt.containsKey(RESULT) ? attempt.get(RESULT, Document.class) : attempt;
        AttemptStatus status = enumValue(AttemptStatus.class, attempt, STATUS);
        return new AttemptSummary(
                attempt.getString(ATTEMPT_ID),
                attempt.getString(CANDIDATE_ID),
                attempt.getString(REGISTRATION_NUMBER),
                attempt.getString(CENTRE_ID),
                attempt.getString(ASSESSMENT_CODE),
                attempt.getInteger(ATTEMPT_NUMBER, 0),
                status,
                instant(attempt, OPENED_AT),
                instant(attempt, STARTED_AT),
                instant(attempt, SUBMITTED_AT),
                scored == null ? null : scored.getInteger(SCORE),
                scored == null ? null : scored.getInteger(MAX_SCORE),
                scored == null ? null : scored.getDouble(PERCENT),
                scored == null ? null : enumValue(Outcome.class, scored, OUTCOME),
                attempt.getBoolean(VOIDED_FLAG, status == AttemptStatus.VOIDED),
                attempt.getString(VOID_REASON));
    }

    private static SittingView toSitting(Document sitting) {
        Document result = sitting.get(RESULT, Document.class);
        return new SittingView(
                sitting.getString(ID),
                sitting.getString(ASSESSMENT_CODE),
                enumValue(AttemptStatus.class, sitting, STATUS),
                instant(sitting, STARTED_AT),
                instant(sitting, ENDS_AT),
                instant(sitting, SUBMITTED_AT),
                sitting.getList(QUESTIONS, Document.class, List.of()).stream()
                        .map(question -> new SittingView.Question(
                                question.getString(QUESTION_ID),
                                question.getString("stem"),
                                question.getList(OPTIONS, Document.class, List.of()).stream()
                                        .map(option -> new SittingView.Option(
                                                option.getString(OPTION_ID), option.getString("text")))
                                        .toList(),
                                question.getString(CHOSEN_OPTION_ID)))
                        .toList(),
                result == null
                        ? null
                        : new SittingView.Result(
                                result.getInteger(SCORE, 0),
                                result.getInteger(MAX_SCORE, 0),
                                result.getDouble(PERCENT),
                                enumValue(Outcome.class, result, OUTCOME)));
    }

    private static AnswerTrail toTrail(Document trail) {
        Number seed = trail.get(SEED, Number.class);
        return new AnswerTrail(
                trail.getString(ID),
                trail.getString(CANDIDATE_ID),
                trail.getString(CENTRE_ID),
                trail.getString(ASSESSMENT_CODE),
                seed == null ? 0 : seed.longValue(),
                trail.getList(ENTRIES, Document.class, List.of()).stream()
                        .map(entry -> new AnswerTrail.Entry(
                                instant(entry, "at"),
                                entry.getString("type"),
                                entry.getString(QUESTION_ID),
                                entry.getString(ITEM_ID),
                                entry.getString(OPTION_ID),
                                entry.getString("previousOptionId"),
                                entry.getString("actor"),
                                entry.getString("clientAddress"),
                                entry.getString("detail")))
                        .toList());
    }
}
