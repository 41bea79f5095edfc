package org.awardinghub.api.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.command.user.UserAccount;

/**
 * One notification: which event sends it (and, where one event means two things, on which condition), its kind
 * (whose template it is rendered with, and whether a recipient may turn it off), who waits for it, and the values of
 * the template's placeholders. The catalogue ({@link NotificationCatalogue}) is the list of them.
 */
record Notice<E>(
        Class<E> event,
        Predicate<E> when,
        NotificationKind kind,
        Recipients<E> recipients,
        Placeholders<E> placeholders) {

    /** Who waits for the event: resolved from the command side's tables and the records' own events. */
    @FunctionalInterface
    interface Recipients<E> {
        List<UserAccount> of(E event, NotificationSources find);
    }

    /** The template's placeholders for the event; {@code recipientName} is added for each recipient. */
    @FunctionalInterface
    interface Placeholders<E> {
        Map<String, String> of(E event, NotificationSources find);
    }

    static <E> Notice<E> on(
            Class<E> event, NotificationKind kind, Recipients<E> recipients, Placeholders<E> placeholders) {
        return new Notice<>(event, any -> true, kind, recipients, placeholders);
    }

    static <E> Notice<E> on(
            Class<E> event,
            Predicate<E> when,
            NotificationKind kind,
            Recipients<E> recipients,
            Placeholders<E> placeholders) {
        return new Notice<>(event, when, kind, recipients, placeholders);
    }

    /** Whether this notice is the one for the event (the payload's class and the condition). */
    boolean matches(Object payload) {
        return event.isInstance(payload) && when.test(event.cast(payload));
    }

    List<UserAccount> recipientsOf(Object payload, NotificationSources find) {
        return recipients.of(event.cast(payload), find);
    }

    Map<String, String> placeholdersOf(Object payload, NotificationSources find) {
        return placeholders.of(event.cast(payload), find);
    }
}
