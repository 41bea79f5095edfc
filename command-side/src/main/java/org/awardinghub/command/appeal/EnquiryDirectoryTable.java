package org.awardinghub.command.appeal;

import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Table {@code result_enquiry_attempts}: one enquiry per attempt, its primary key refusing a second one at once. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class EnquiryDirectoryTable implements EnquiryDirectory {

    private final JdbcTemplate jdbc;

    EnquiryDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResultEnquiryRaised event) {
        jdbc.update(
                "INSERT INTO result_enquiry_attempts (attempt_id, enquiry_id) VALUES (?, ?)",
                event.attemptId(),
                event.enquiryId());
    }

    @Override
    public Optional<String> enquiryFor(String attemptId) {
        return jdbc
                .queryForList(
                        "SELECT enquiry_id FROM result_enquiry_attempts WHERE attempt_id = ?", String.class, attemptId)
                .stream()
                .findFirst();
    }
}
