package org.awardinghub.command.arrangement;

import java.util.ArrayList;
import java.util.List;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every access arrangement with its status (table {@code access_arrangements}, migration V12), current within the
 * transaction of the arrangement's events: what an attempt reads when it starts, so that what applies never rests on
 * a read model. Table {@code pending_access_arrangements} (migration V18, ADR 0162) holds the one request of each kind
 * a candidate has awaiting IMI: its primary key refuses a second one requested at the same moment, which the check
 * of {@link #pending} cannot see before the first commits, and the later command rolls back.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class ArrangementDirectoryTable implements ArrangementDirectory {

    private final JdbcTemplate jdbc;

    ArrangementDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A request the policy approved at once is followed in the same unit of work by its approval: it never waits for
     * IMI, so it takes no key, and requests approved at once never contend for one. Handed one at a time, without
     * that unit of work, it takes the key and its approval frees it.
     */
    @EventHandler
    void on(AccessArrangementRequested event, UnitOfWork<?> unitOfWork) {
        jdbc.update(
                "INSERT INTO access_arrangements (arrangement_id, candidate_id, centre_id, kind, extra_time_percent,"
                        + " text_size, colour_scheme, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.arrangementId(),
                event.candidateId(),
                event.centreId(),
                event.kind().name(),
                event.extraTimePercent(),
                event.textSize() == null ? null : event.textSize().name(),
                event.colourScheme() == null ? null : event.colourScheme().name(),
                ArrangementStatus.PENDING.name());
        if (!approvedInTheSameUnitOfWork(event.arrangementId(), unitOfWork)) {
            jdbc.update(
                    "INSERT INTO pending_access_arrangements (candidate_id, kind, arrangement_id) VALUES (?, ?, ?)",
                    event.candidateId(),
                    event.kind().name(),
                    event.arrangementId());
        }
    }

    @EventHandler
    void on(AccessArrangementApproved event) {
        decided(
                event.arrangementId(),
                event.candidateId(),
                event.kind(),
                ArrangementStatus.APPROVED,
                event.approvedAt().toEpochMilli());
    }

    @EventHandler
    void on(AccessArrangementRejected event) {
        decided(
                event.arrangementId(),
                event.candidateId(),
                event.kind(),
                ArrangementStatus.REJECTED,
                event.rejectedAt().toEpochMilli());
    }

    /** No longer in force, nor pending, and its key (if it held one) free; when it was decided stays as it was. */
    @EventHandler
    void on(AccessArrangementWithdrawn event) {
        jdbc.update(
                "UPDATE access_arrangements SET status = ? WHERE arrangement_id = ?",
                ArrangementStatus.WITHDRAWN.name(),
                event.arrangementId());
        releaseKey(event.arrangementId(), event.candidateId(), event.kind());
    }

    private void decided(
            String arrangementId, String candidateId, ArrangementKind kind, ArrangementStatus status, long at) {
        jdbc.update(
                "UPDATE access_arrangements SET status = ?, decided_at = ? WHERE arrangement_id = ?",
                status.name(),
                at,
                arrangementId);
        releaseKey(arrangementId, candidateId, kind);
    }

    /** The key goes with the decision, only if this arrangement holds it (ADR 0162: one left by the race may not). */
    private void releaseKey(String arrangementId, String candidateId, ArrangementKind kind) {
        jdbc.update(
                "DELETE FROM pending_access_arrangements WHERE candidate_id = ? AND kind = ? AND arrangement_id = ?",
                candidateId,
                kind.name(),
                arrangementId);
    }

    private static boolean approvedInTheSameUnitOfWork(String arrangementId, UnitOfWork<?> unitOfWork) {
        return unitOfWork instanceof BatchingUnitOfWork<?> batch
                && batch.getMessages().stream()
                        .anyMatch(message -> message.getPayload() instanceof AccessArrangementApproved approved
                                && approved.arrangementId().equals(arrangementId));
    }

    @Override
    public Adjustments inForce(String candidateId) {
        record Approved(String id, ArrangementKind kind, Integer percent, TextSize size, ColourScheme scheme) {}
        List<Approved> approved = jdbc.query(
                "SELECT arrangement_id, kind, extra_time_percent, text_size, colour_scheme FROM access_arrangements"
                        + " WHERE candidate_id = ? AND status = ? ORDER BY decided_at, arrangement_id",
                (row, n) -> new Approved(
                        row.getString(1),
                        ArrangementKind.valueOf(row.getString(2)),
                        (Integer) row.getObject(3, Integer.class),
                        row.getString(4) == null ? null : TextSize.valueOf(row.getString(4)),
                        row.getString(5) == null ? null : ColourScheme.valueOf(row.getString(5))),
                candidateId,
                ArrangementStatus.APPROVED.name());
        if (approved.isEmpty()) {
            return Adjustments.NONE;
        }
        int extraTime = 0;
        boolean restBreaks = false;
        boolean reader = false;
        boolean screenReader = false;
        boolean separateRoom = false;
        TextSize textSize = null;
        ColourScheme colourScheme = null;
        List<String> ids = new ArrayList<>();
        for (Approved one : approved) {
            ids.add(one.id());
            switch (one.kind()) {
                case EXTRA_TIME -> extraTime = Math.max(extraTime, one.percent() == null ? 0 : one.percent());
                case REST_BREAKS -> restBreaks = true;
                case READER -> reader = true;
                case SCREEN_READER -> screenReader = true;
                case SEPARATE_ROOM -> separateRoom = true;
                case ENLARGED_TEXT ->
                    textSize = textSize == null || one.size().compareTo(textSize) > 0 ? one.size() : textSize;
                case COLOUR_SCHEME -> colourScheme = one.scheme(); // the one approved last
            }
        }
        return new Adjustments(
                extraTime, restBreaks, reader, screenReader, textSize, colourScheme, separateRoom, List.copyOf(ids));
    }

    @Override
    public boolean pending(String candidateId, ArrangementKind kind) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM access_arrangements WHERE candidate_id = ? AND kind = ? AND status = ?",
                        Integer.class,
                        candidateId,
                        kind.name(),
                        ArrangementStatus.PENDING.name())
                .isEmpty();
    }
}
