package org.awardinghub.query.assessment;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@value #CANDIDATE_ATTEMPTS} read model ({@code _id} = candidate id): one {@link AttemptSummary} per attempt
 * of the candidate, so that {@link ListCandidateAttempts} is a key lookup, never a scan.
 *
 * <p>A candidate's document gathers several attempts, which different threads of the attempts' pooled processor
 * ({@link AttemptProjection#PROCESSING_GROUP}, sequenced per attempt) may handle at once: each entry keeps the
 * sequence of its attempt's last applied event ({@value #ENTRY_SEQUENCE}) and the document is written with a
 * versioned compare-and-set ({@link ReadModelCollection#updateVersioned}), retried when another attempt's event got
 * in between.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class CandidateAttemptsProjection {

    public static final String CANDIDATE_ATTEMPTS = "candidate_attempts";

    static final String ENTRY_SEQUENCE = "seq";

    private static final String ENTRIES = "entries";
    private static final String ATTEMPT_ID = "attemptId";
    /** True once the candidate was erased (ADR 0165); absent before. */
    private static final String ERASED = "erased";

    private static final DocumentMapper<AttemptSummary> SUMMARY = DocumentMapper.of(AttemptSummary.class);

    private static final Comparator<AttemptSummary> OLDEST_FIRST = Comparator.comparing(
                    AttemptSummary::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AttemptSummary::attemptId);

    private final ReadModelCollection candidateAttempts;

    public CandidateAttemptsProjection(MongoDatabase database) {
        this.candidateAttempts = new ReadModelCollection(database, CANDIDATE_ATTEMPTS);
    }

    @EventHandler
    void on(AttemptOpened event, @SequenceNumber long sequence) {
        change(
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
    void on(AttemptStarted event, @SequenceNumber long sequence) {
        change(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null ? null : entry.started(event.startedAt()));
    }

    @EventHandler
    void on(AttemptSubmitted event, @SequenceNumber long sequence) {
        change(
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
        change(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null ? null : entry.with(AttemptStatus.EXPIRED));
    }

    @EventHandler
    void on(
            AttemptVoided event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = AttemptProjection.voidReason(event, metadataReason);
        change(event.candidateId(), event.attemptId(), sequence, entry -> entry == null ? null : entry.voided(reason));
    }

    /** A corrected result after a review (issue 18). */
    @EventHandler
    void on(AttemptOutcomeChanged event, @SequenceNumber long sequence) {
        change(
                event.candidateId(),
                event.attemptId(),
                sequence,
                entry -> entry == null || entry.maxScore() == null
                        ? null
                        : entry.submitted(
                                entry.startedAt(),
                                entry.submittedAt(),
                                event.score(),
                                entry.maxScore(),
                                event.percent(),
                                event.outcome()));
    }

    /**
     * The candidate erased (ADR 0165): every void's reason reads "(erased)", and the document says {@value #ERASED}.
     * Written once, whether or not the candidate has an attempt yet (in a replay, the attempts' events may come after
     * this on other segments): so the document's version counts the same writes whichever order the segments ran in.
     */
    @EventHandler
    void on(CandidateErased event) {
        candidateAttempts.updateVersioned(event.candidateId(), stored -> {
            if (stored != null && stored.getBoolean(ERASED, false)) {
                return null;
            }
            List<Document> entries = entries(stored).stream()
                    .map(entry -> SUMMARY.toDocument(SUMMARY.fromDocument(entry).withoutPersonalData())
                            .append(ENTRY_SEQUENCE, entry.get(ENTRY_SEQUENCE)))
                    .toList();
            return new Document(ENTRIES, entries).append(ERASED, true);
        });
    }

    @ResetHandler
    void reset() {
        candidateAttempts.deleteAll();
    }

    /** The ids of the candidate's attempts: one key lookup, for the other attempt read models. */
    static List<String> attemptIdsOf(ReadModelCollection candidateAttempts, String candidateId) {
        return entries(candidateAttempts.find(candidateId)).stream()
                .map(entry -> entry.getString(ATTEMPT_ID))
                .toList();
    }

    /** Every attempt of the candidate, oldest opened first: one key lookup. Empty for an unknown candidate. */
    @QueryHandler
    List<AttemptSummary> handle(ListCandidateAttempts query) {
        return attempts(query.candidateId());
    }

    /**
     * A page of them, cut from the candidate's one document (its entries are not documents the store could skip).
     * Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageCandidateAttempts query) {
        return Page.slice(attempts(query.candidateId()), query.page(), query.size());
    }

    private List<AttemptSummary> attempts(String candidateId) {
        return entries(candidateAttempts.find(candidateId)).stream()
                .map(SUMMARY::fromDocument)
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /**
     * Applies one attempt's event to its entry in the candidate's document. {@code change} gets the entry (null
     * when there is none) and answers the entry to store, or null for nothing. An entry already at or past this
     * sequence is left alone: the event was applied before. Entries are kept in the order they are listed in, so
     * that a replay writes the same document whatever order the segments ran in.
     */
    private void change(String candidateId, String attemptId, long sequence, UnaryOperator<AttemptSummary> change) {
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
            Document candidate = new Document(ENTRIES, entries);
            if (stored != null && stored.containsKey(ERASED)) {
                candidate.append(ERASED, stored.get(ERASED));
            }
            return candidate;
        });
    }

    private static List<Document> entries(Document candidate) {
        return candidate == null ? List.of() : candidate.getList(ENTRIES, Document.class, List.of());
    }
}
