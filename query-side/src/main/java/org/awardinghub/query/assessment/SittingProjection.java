package org.awardinghub.query.assessment;

import com.mongodb.client.MongoDatabase;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.query.DocumentBatch;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The {@value #SITTINGS} read model ({@code _id} = attempt id, from the start): what the candidate sitting the
 * attempt sees, stored as its {@link SittingView} — the questions as shown, the option chosen for each, and once
 * marked only the overall result. No item ids, no bank option indexes, no per-question marks: nothing that tells
 * which option is right — {@link FindSitting}. Written as {@link AttemptProjection} writes its own.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class SittingProjection {

    public static final String SITTINGS = "sittings";

    private static final DocumentMapper<SittingView> SITTING = DocumentMapper.of(SittingView.class);

    private final ReadModelCollection sittings;
    private final DocumentBatch writes;

    public SittingProjection(MongoDatabase database) {
        this.sittings = new ReadModelCollection(database, SITTINGS);
        this.writes = new DocumentBatch(sittings);
    }

    /**
     * Recorded just before the start, for a candidate with approved arrangements: the sitting's document begins with
     * them, and the start fills in the rest.
     */
    @EventHandler
    void on(AccessArrangementsApplied event, @SequenceNumber long sequence) {
        writes.insert(
                event.attemptId(),
                sequence,
                SITTING.toDocument(new SittingView(
                        event.attemptId(), null, null, null, null, null, null, null, Adjustments.of(event), null)));
    }

    /** Only what the candidate is shown: no item ids, no bank option indexes. */
    @EventHandler
    void on(AttemptStarted event, @SequenceNumber long sequence) {
        SittingView started = started(event);
        if (!writes.insert(event.attemptId(), sequence, SITTING.toDocument(started))) {
            // begun by the arrangements applied (or this start delivered again, which the sequence guard skips)
            writes.change(event.attemptId(), sequence, SITTING.changing(begun -> started.with(begun.adjustments())));
        }
    }

    private static SittingView started(AttemptStarted event) {
        return new SittingView(
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
                null,
                null,
                null);
    }

    @EventHandler
    void on(AnswerChosen event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.chosen(event.questionId(), event.optionId())));
    }

    /** The candidate's own result, never the marks: they would tell which options were right. */
    @EventHandler
    void on(AttemptSubmitted event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.submitted(
                        event.submittedAt(),
                        new SittingView.Result(event.score(), event.maxScore(), event.percent(), event.outcome()))));
    }

    /** The candidate's page shows the pause and stops its countdown. */
    @EventHandler
    void on(AttemptPaused event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.clock(event.pausedAt(), sitting.endsAt())));
    }

    @EventHandler
    void on(AttemptResumed event, @SequenceNumber long sequence) {
        writes.change(event.attemptId(), sequence, SITTING.changing(sitting -> sitting.clock(null, event.endsAt())));
    }

    /** A result corrected after a re-check or an upheld appeal (issue 18): the candidate's page shows the new one. */
    @EventHandler
    void on(AttemptOutcomeChanged event, @SequenceNumber long sequence) {
        writes.change(
                event.attemptId(),
                sequence,
                SITTING.changing(sitting -> sitting.result() == null
                        ? sitting
                        : sitting.corrected(new SittingView.Result(
                                event.score(), sitting.result().maxScore(), event.percent(), event.outcome()))));
    }

    @EventHandler
    void on(AttemptVoided event, @SequenceNumber long sequence) {
        writes.change(event.attemptId(), sequence, SITTING.changing(sitting -> sitting.with(AttemptStatus.VOIDED)));
    }

    @ResetHandler
    void reset() {
        sittings.deleteAll();
    }

    /** The candidate's live view; null until the attempt has started, and for an unknown attempt. */
    @QueryHandler
    SittingView handle(FindSitting query) {
        SittingView sitting = SITTING.fromDocument(sittings.find(query.attemptId()));
        return sitting == null || sitting.status() == null ? null : sitting;
    }
}
