package org.awardinghub.command.centre;

import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which centres exist, their status and the centre numbers issued: what other aggregates (users, hub requests)
 * must know about a centre, kept in the same transaction as the centre's events.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class CentreDirectory {

    static final int FIRST_CENTRE_NUMBER = 100001;

    private final JdbcTemplate jdbc;

    public CentreDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(CentreApplied event) {
        jdbc.update("INSERT INTO centre_directory (centre_id, status) VALUES (?, ?)",
                event.centreId(), CentreStatus.APPLIED.name());
    }

    @EventHandler
    public void on(CentreApproved event) {
        jdbc.update("UPDATE centre_directory SET centre_number = ?, status = ? WHERE centre_id = ?",
                event.centreNumber(), CentreStatus.APPROVED.name(), event.centreId());
    }

    @EventHandler
    public void on(CentreSuspended event) {
        changeStatus(event.centreId(), CentreStatus.SUSPENDED);
    }

    @EventHandler
    public void on(CentreReinstated event) {
        changeStatus(event.centreId(), CentreStatus.APPROVED);
    }

    @EventHandler
    public void on(CentreWithdrawn event) {
        changeStatus(event.centreId(), CentreStatus.WITHDRAWN);
    }

    public Optional<CentreStatus> statusOf(String centreId) {
        return jdbc.query("SELECT status FROM centre_directory WHERE centre_id = ?",
                        (row, n) -> CentreStatus.valueOf(row.getString(1)), centreId)
                .stream().findFirst();
    }

    /**
     * The centre's status, refusing a centre that does not exist (404) or is withdrawn (409).
     * {@code refusal} completes "Centre is WITHDRAWN; ..." with what cannot happen.
     */
    public CentreStatus requireNotWithdrawn(String centreId, String refusal) {
        CentreStatus status = statusOf(centreId).orElseThrow(() -> new UnknownRecord("No centre " + centreId));
        if (status == CentreStatus.WITHDRAWN) {
            throw new RuleViolation("Centre is WITHDRAWN; " + refusal);
        }
        return status;
    }

    /**
     * The number after the highest issued. Two approvals in flight may read the same highest number; the
     * UNIQUE constraint on centre_number then refuses the second transaction, which can simply be retried.
     */
    public String nextCentreNumber() {
        Integer highest = jdbc.queryForObject(
                "SELECT MAX(CAST(centre_number AS INTEGER)) FROM centre_directory", Integer.class);
        return Integer.toString(highest == null ? FIRST_CENTRE_NUMBER : Math.max(highest + 1, FIRST_CENTRE_NUMBER));
    }

    private void changeStatus(String centreId, CentreStatus status) {
        jdbc.update("UPDATE centre_directory SET status = ? WHERE centre_id = ?", status.name(), centreId);
    }
}
