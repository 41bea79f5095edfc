package org.awardinghub.command.invigilation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tables {@code invigilation_incidents} and {@code invigilation_incident_attempts}, written in the transaction that
 * records each incident.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class IncidentDirectoryTable implements IncidentDirectory {

    private final JdbcTemplate jdbc;

    IncidentDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentRecorded event) {
        jdbc.update(
                "INSERT INTO invigilation_incidents (incident_id, centre_id, kind, occurred_at) VALUES (?, ?, ?, ?)",
                event.incidentId(),
                event.centreId(),
                event.kind().name(),
                event.occurredAt().toEpochMilli());
        for (int i = 0; i < event.attemptIds().size(); i++) {
            jdbc.update(
                    "INSERT INTO invigilation_incident_attempts (incident_id, attempt_id, candidate_id)"
                            + " VALUES (?, ?, ?)",
                    event.incidentId(),
                    event.attemptIds().get(i),
                    event.candidateIds().get(i));
        }
    }

    @Override
    public Optional<IncidentEntry> find(String incidentId) {
        List<String> attemptIds = jdbc.queryForList(
                "SELECT attempt_id FROM invigilation_incident_attempts WHERE incident_id = ? ORDER BY attempt_id",
                String.class,
                incidentId);
        return jdbc
                .query(
                        "SELECT incident_id, centre_id, kind, occurred_at FROM invigilation_incidents"
                                + " WHERE incident_id = ?",
                        (row, number) -> new IncidentEntry(
                                row.getString("incident_id"),
                                row.getString("centre_id"),
                                IncidentKind.valueOf(row.getString("kind")),
                                Instant.ofEpochMilli(row.getLong("occurred_at")),
                                attemptIds),
                        incidentId)
                .stream()
                .findFirst();
    }

    @Override
    public List<String> incidentsOf(String attemptId) {
        return jdbc.queryForList(
                "SELECT incident_id FROM invigilation_incident_attempts WHERE attempt_id = ? ORDER BY incident_id",
                String.class,
                attemptId);
    }
}
