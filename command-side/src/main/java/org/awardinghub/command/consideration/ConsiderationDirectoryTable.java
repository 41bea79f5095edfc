package org.awardinghub.command.consideration;

import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table {@code special_consideration_attempts}: one application per attempt, its primary key refusing a second one
 * made at the same moment (the later command rolls back).
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class ConsiderationDirectoryTable implements ConsiderationDirectory {

    private final JdbcTemplate jdbc;

    ConsiderationDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SpecialConsiderationApplied event) {
        jdbc.update(
                "INSERT INTO special_consideration_attempts (attempt_id, consideration_id) VALUES (?, ?)",
                event.attemptId(),
                event.considerationId());
    }

    @Override
    public Optional<String> applicationFor(String attemptId) {
        return jdbc
                .queryForList(
                        "SELECT consideration_id FROM special_consideration_attempts WHERE attempt_id = ?",
                        String.class,
                        attemptId)
                .stream()
                .findFirst();
    }
}
