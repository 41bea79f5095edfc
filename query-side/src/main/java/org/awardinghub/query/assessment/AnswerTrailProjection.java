package org.awardinghub.query.assessment;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.query.DocumentBatch;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The {@value #ANSWER_TRAILS} read model ({@code _id} = attempt id): every step of an attempt in order, with its
 * actor and client address, stored as its {@link AnswerTrail} — {@link FindAnswerTrail}. Written as
 * {@link AttemptProjection} writes its own.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class AnswerTrailProjection {

    public static final String ANSWER_TRAILS = "answer_trails";

    /** The trail's entry types, in the order they can occur. */
    public static final String OPENED = "OPENED";

    public static final String STARTED = "STARTED";
    public static final String ANSWERED = "ANSWERED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String VOIDED = "VOIDED";
    public static final String PAUSED = "PAUSED";
    public static final String RESUMED = "RESUMED";

    private static final DocumentMapper<AnswerTrail> TRAIL = DocumentMapper.of(AnswerTrail.class);

    private final ReadModelCollection trails;
    private final DocumentBatch writes;
    /** {@link CandidateAttemptsProjection}'s: which attempts a candidate has, by one key lookup. */
    private final ReadModelCollection candidateAttempts;

    public AnswerTrailProjection(MongoDatabase database) {
        this.trails = new ReadModelCollection(database, ANSWER_TRAILS);
        this.writes = new DocumentBatch(trails);
        this.candidateAttempts = new ReadModelCollection(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);
    }

    @EventHandler
    void on(
            AttemptOpened event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        writes.insert(
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
    }

    @EventHandler
    void on(
            AttemptStarted event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        append(
                event.attemptId(),
                sequence,
                step(
                        event.startedAt(),
                        STARTED,
                        registrationNumber,
                        clientAddress,
                        "seed " + event.seed() + ", ends " + event.endsAt()),
                event.seed());
    }

    @EventHandler
    void on(
            AnswerChosen event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        append(
                event.attemptId(),
                sequence,
                new AnswerTrail.Entry(
                        event.answeredAt(),
                        ANSWERED,
                        event.questionId(),
                        event.itemId(),
                        event.optionId(),
                        event.previousOptionId(),
                        registrationNumber,
                        clientAddress,
                        null),
                null);
    }

    @EventHandler
    void on(
            AttemptSubmitted event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_REGISTRATION_NUMBER) String registrationNumber,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        boolean byTimeLimit = event.submittedBy() == SubmittedBy.TIME_LIMIT;
        append(
                event.attemptId(),
                sequence,
                step(
                        event.submittedAt(),
                        SUBMITTED,
                        byTimeLimit ? AuditMetadata.SYSTEM_ACTOR : registrationNumber,
                        byTimeLimit ? null : clientAddress,
                        event.submittedBy() + ", score " + event.score() + "/" + event.maxScore() + ", "
                                + event.outcome()),
                null);
    }

    @EventHandler
    void on(AttemptKeyExpired event, @SequenceNumber long sequence) {
        append(
                event.attemptId(),
                sequence,
                step(event.expiredAt(), EXPIRED, AuditMetadata.SYSTEM_ACTOR, null, null),
                null);
    }

    @EventHandler
    void on(
            AttemptVoided event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        append(
                event.attemptId(),
                sequence,
                step(at, VOIDED, actorPin, clientAddress, AttemptProjection.voidReason(event, metadataReason)),
                null);
    }

    /** The invigilator stopped the clock: who, what kind of pause and why. */
    @EventHandler
    void on(
            AttemptPaused event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        append(
                event.attemptId(),
                sequence,
                step(event.pausedAt(), PAUSED, event.byPin(), clientAddress, event.kind() + ": " + event.reason()),
                null);
    }

    @EventHandler
    void on(
            AttemptResumed event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        append(
                event.attemptId(),
                sequence,
                step(
                        event.resumedAt(),
                        RESUMED,
                        event.byPin(),
                        clientAddress,
                        "paused " + event.pausedMillis() + " ms, ends " + event.endsAt()),
                null);
    }

    /**
     * The candidate erased (ADR 0165): in each of their attempts' trails the void's and pauses' reasons read
     * "(erased)"; through the batch, as every write here. The attempts are the candidate's document's in
     * {@value CandidateAttemptsProjection#CANDIDATE_ATTEMPTS}.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String attemptId : CandidateAttemptsProjection.attemptIdsOf(candidateAttempts, event.candidateId())) {
            writes.rewrite(attemptId, TRAIL.changing(AnswerTrail::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        trails.deleteAll();
    }

    @QueryHandler
    AnswerTrail handle(FindAnswerTrail query) {
        return TRAIL.fromDocument(trails.find(query.attemptId()));
    }

    /** The trail with one more step, and the form's seed when the step gives it. */
    private void append(String attemptId, long sequence, AnswerTrail.Entry entry, Long seed) {
        writes.change(
                attemptId,
                sequence,
                TRAIL.changing(trail -> (seed == null ? trail : trail.seeded(seed)).followedBy(entry)));
    }

    private static AnswerTrail.Entry step(Instant at, String type, String actor, String clientAddress, String detail) {
        return new AnswerTrail.Entry(at, type, null, null, null, null, actor, clientAddress, detail);
    }
}
