package org.awardinghub.command.notification;

import java.util.EnumSet;
import java.util.Set;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.user.NotificationPreferencesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One row per kind a user has turned off; the event holds the whole set, so each change replaces the user's rows. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class NotificationPreferencesTable implements NotificationPreferences {

    private final JdbcTemplate jdbc;

    NotificationPreferencesTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationPreferencesChanged event) {
        jdbc.update("DELETE FROM notification_opt_outs WHERE user_id = ?", event.userId());
        for (String kind : event.turnedOff()) {
            jdbc.update("INSERT INTO notification_opt_outs (user_id, kind) VALUES (?, ?)", event.userId(), kind);
        }
    }

    @Override
    public Set<NotificationKind> turnedOff(String userId) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (String name :
                jdbc.queryForList("SELECT kind FROM notification_opt_outs WHERE user_id = ?", String.class, userId)) {
            for (NotificationKind kind : NotificationKind.values()) {
                if (kind.name().equals(name)) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }
}
