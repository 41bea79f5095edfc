package org.awardinghub.api.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.command.notification.NotificationPreferences;
import org.awardinghub.command.user.SetNotificationPreferences;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own choice of notification emails: every kind, whether it may be turned off and whether it
 * is on. Read from the command side's table, written by the user's own event: a user reads and changes only their
 * own.
 */
@RestController
class NotificationPreferencesController {

    /** One kind of notification: {@code optional} false means it is always sent and cannot be turned off. */
    public record NotificationSetting(NotificationKind kind, String description, boolean optional, boolean enabled) {}

    /** Every kind, in the catalogue's order. */
    public record NotificationSettings(List<NotificationSetting> kinds) {}

    /** The optional kinds to turn off: the whole set, replacing the last choice; an empty list turns all on. */
    public record NotificationSettingsChange(@NotNull Set<@NotNull NotificationKind> turnedOff) {}

    private final Access access;
    private final NotificationPreferences preferences;
    private final CommandGateway commands;

    NotificationPreferencesController(Access access, NotificationPreferences preferences, CommandGateway commands) {
        this.access = access;
        this.preferences = preferences;
        this.commands = commands;
    }

    /** Which notification emails you get. Each kind, whether it may be turned off and whether it is on. */
    @GetMapping("/api/me/notification-preferences")
    @Allow(anyone = true, candidateAccount = true)
    public NotificationSettings settings() {
        return settingsOf(access.current().userId());
    }

    /**
     * Turns optional notification emails off or on again. Names every optional kind you do not want (the whole set); a
     * mandatory kind named is refused (400) and nothing changes.
     */
    @PutMapping("/api/me/notification-preferences")
    @Allow(anyone = true, candidateAccount = true)
    public NotificationSettings change(@Valid @RequestBody NotificationSettingsChange request) {
        String userId = access.current().userId();
        commands.sendAndWait(new SetNotificationPreferences(
                userId, request.turnedOff().stream().map(Enum::name).collect(Collectors.toSet())));
        return settingsOf(userId);
    }

    private NotificationSettings settingsOf(String userId) {
        Set<NotificationKind> off = preferences.turnedOff(userId);
        return new NotificationSettings(Arrays.stream(NotificationKind.values())
                .map(kind -> new NotificationSetting(
                        kind, kind.description(), kind.optional(), !kind.optional() || !off.contains(kind)))
                .toList());
    }
}
