package org.awardinghub.query.assessment;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * Everything that happened in an attempt, in order: opened, started (with the form's seed), every answer and
 * change of answer with its time and client address, submitted or expired or voided. For investigations.
 */
public record AnswerTrail(
        @DocumentMapper.Id String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        // a random int64, beyond JavaScript's exact integers: written as a string (ADR 0148)
        @JsonFormat(shape = JsonFormat.Shape.STRING) long seed,
        List<Entry> entries) {

    AnswerTrail seeded(long seed) {
        return new AnswerTrail(attemptId, candidateId, centreId, assessmentCode, seed, entries);
    }

    AnswerTrail followedBy(Entry entry) {
        List<Entry> longer = new ArrayList<>(entries);
        longer.add(entry);
        return new AnswerTrail(attemptId, candidateId, centreId, assessmentCode, seed, longer);
    }

    /**
     * The candidate erased (ADR 0165): a void's reason reads "(erased)", and a pause's detail keeps its kind with the
     * reason "(erased)" ({@code "REST_BREAK: (erased)"}), as the events now read; every other step stays.
     */
    AnswerTrail withoutPersonalData() {
        List<Entry> erased = entries.stream()
                .map(entry -> switch (entry.type()) {
                    case AnswerTrailProjection.VOIDED -> entry.with(Erased.text(entry.detail()));
                    case AnswerTrailProjection.PAUSED -> entry.with(pauseDetail(entry.detail()));
                    default -> entry;
                })
                .toList();
        return new AnswerTrail(attemptId, candidateId, centreId, assessmentCode, seed, erased);
    }

    /** A pause's detail is its kind, ": " and the reason: the kind stays. */
    static String pauseDetail(String kindAndReason) {
        int end = kindAndReason == null ? -1 : kindAndReason.indexOf(": ");
        return end < 0 ? Erased.text(kindAndReason) : kindAndReason.substring(0, end) + ": " + PersonalData.ERASED;
    }

    /**
     * {@code type}: OPENED, STARTED, ANSWERED, SUBMITTED, EXPIRED, VOIDED. For ANSWERED, the question, item, the
     * option chosen and the one it replaced (null for a first answer). {@code actor} is the invigilator's PIN, the
     * candidate's registration number, "system" for the time limit, or the IMI user's PIN.
     */
    public record Entry(
            Instant at,
            String type,
            String questionId,
            String itemId,
            String optionId,
            String previousOptionId,
            String actor,
            String clientAddress,
            String detail) {

        Entry with(String detail) {
            return new Entry(at, type, questionId, itemId, optionId, previousOptionId, actor, clientAddress, detail);
        }
    }
}
