package org.awardinghub.api.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.awardinghub.api.mail.Mailer;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.command.notification.NotificationPreferences;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.events.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the emails of {@link NotificationCatalogue}: one per event per recipient, however often the event is
 * delivered. The processor is a pooled one with a single segment, so one node at a time handles the events, in order;
 * each batch is one transaction with the processor's token, and that transaction also records the event as notified
 * ({@code notified_events}) and each email sent ({@code notifications_sent}), and writes the outbox copy. A batch
 * that fails rolls all of it back and is tried again; a batch that committed is never sent again, because the
 * records say so, also on a replay from zero or on another node that takes the segment over. Two nodes handling the
 * same event at once (a claim that lapsed) collide on the primary key: one transaction fails and, retried, finds the
 * event notified. SMTP hands the message over only after the commit (ADR 0157).
 * <p>
 * Events older than {@code awarding.notifications.max-age} are never notified (news that old is not news), and a
 * new installation's processor starts at the head of the event store, so that the history is not emailed.
 */
@Component
@ProcessingGroup(Notifier.PROCESSING_GROUP)
class Notifier {

    public static final String PROCESSING_GROUP = "notifications";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final JdbcTemplate jdbc;
    private final Mailer mailer;
    private final NotificationSources sources;
    private final NotificationTemplates templates;
    private final NotificationPreferences preferences;
    private final Duration maxAge;

    Notifier(
            JdbcTemplate jdbc,
            Mailer mailer,
            NotificationSources sources,
            NotificationTemplates templates,
            NotificationPreferences preferences,
            @Value("${awarding.notifications.max-age:P7D}") Duration maxAge) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.sources = sources;
        this.templates = templates;
        this.preferences = preferences;
        this.maxAge = maxAge;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        Optional<Notice<?>> found = NotificationCatalogue.noticeFor(payload);
        if (found.isEmpty()) {
            return;
        }
        if (message.getTimestamp().isBefore(GenericEventMessage.clock.instant().minus(maxAge))) {
            return;
        }
        if (!firstDelivery(message.getIdentifier())) {
            return;
        }
        Notice<?> notice = found.get();
        Map<String, String> values = notice.placeholdersOf(payload, sources);
        Object actor = message.getMetaData().get(AuditMetadata.ACTOR_USER_ID);
        for (UserAccount recipient : notice.recipientsOf(payload, sources)) {
            if (recipient.userId().equals(actor)) {
                continue; // who did it knows
            }
            if (recipient.email() == null || recipient.email().isBlank()) {
                continue; // nowhere to send it
            }
            if (!preferences.wants(recipient.userId(), notice.kind())) {
                continue;
            }
            send(message.getIdentifier(), notice.kind(), recipient, values);
        }
    }

    /** Records the event as notified; false when it already was. */
    private boolean firstDelivery(String eventId) {
        int inserted = jdbc.update(
                "INSERT INTO notified_events (event_id, notified_at) SELECT ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM notified_events WHERE event_id = ?)",
                eventId,
                GenericEventMessage.clock.millis(),
                eventId);
        return inserted == 1;
    }

    private void send(String eventId, NotificationKind kind, UserAccount recipient, Map<String, String> values) {
        int recorded = jdbc.update(
                "INSERT INTO notifications_sent (event_id, user_id, kind, sent_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM notifications_sent WHERE event_id = ? AND user_id = ?)",
                eventId,
                recipient.userId(),
                kind.name(),
                GenericEventMessage.clock.millis(),
                eventId,
                recipient.userId());
        if (recorded == 0) {
            return;
        }
        Map<String, String> forRecipient = new HashMap<>(values);
        forRecipient.put("recipientName", recipient.name());
        NotificationTemplates.Email email = templates.render(kind, forRecipient);
        mailer.send(recipient.email(), email.subject(), email.body());
        LOG.info("Notification {} of event {} sent to user {}", kind, eventId, recipient.userId());
    }
}
