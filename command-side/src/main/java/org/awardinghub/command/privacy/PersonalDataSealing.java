package org.awardinghub.command.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import org.awardinghub.events.privacy.PersonalDataSealingRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests the sealing of the events an earlier release stored in clear, once per installation (ADR 0164). Migration
 * V19.2 leaves a row in {@code personal_data_sealing} when it finds events stored already; the request marks it and
 * publishes {@link PersonalDataSealingRequested} in one transaction, and only the call that marks it publishes, also
 * when two nodes start at the same moment.
 */
@Component
class PersonalDataSealing {

    private final JdbcTemplate jdbc;
    private final EventBus events;
    private final Clock clock;

    PersonalDataSealing(JdbcTemplate jdbc, EventBus events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** @return whether this call made the request; false when none is due or it was made before */
    @CommandHandler
    boolean handle(RequestPersonalDataSealing command) {
        int marked = jdbc.update(
                "UPDATE personal_data_sealing SET requested_at = ? WHERE id = 1 AND requested_at IS NULL",
                Timestamp.from(clock.instant()));
        if (marked == 0) {
            return false;
        }
        events.publish(GenericEventMessage.asEventMessage(new PersonalDataSealingRequested(clock.instant())));
        return true;
    }
}
