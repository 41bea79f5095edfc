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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every access arrangement with its status (table {@code access_arrangements}, migration V12), current within the
 * transaction of the arrangement's events: what an attempt reads when it starts, so that what applies never rests on
 * a read model.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class ArrangementDirectoryTable implements ArrangementDirectory {

    private final JdbcTemplate jdbc;

    ArrangementDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessArrangementRequested event) {
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
    }

    @EventHandler
    void on(AccessArrangementApproved event) {
        decided(
                event.arrangementId(),
                ArrangementStatus.APPROVED,
                event.approvedAt().toEpochMilli());
    }

    @EventHandler
    void on(AccessArrangementRejected event) {
        decided(
                event.arrangementId(),
                ArrangementStatus.REJECTED,
                event.rejectedAt().toEpochMilli());
    }

    /** No longer in force, nor pending; when it was decided stays as it was. */
    @EventHandler
    void on(AccessArrangementWithdrawn event) {
        jdbc.update(
                "UPDATE access_arrangements SET status = ? WHERE arrangement_id = ?",
                ArrangementStatus.WITHDRAWN.name(),
                event.arrangementId());
    }

    private void decided(String arrangementId, ArrangementStatus status, long at) {
        jdbc.update(
                "UPDATE access_arrangements SET status = ?, decided_at = ? WHERE arrangement_id = ?",
                status.name(),
                at,
                arrangementId);
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
