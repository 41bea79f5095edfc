package org.awardinghub.command.privacy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.Text;
import org.awardinghub.events.privacy.SubjectAccessExported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/**
 * The record of subject access exports. An export changes nothing about its subject, so it is an event of no
 * aggregate ({@link SubjectAccessExported}), published on the event bus in the command's unit of work as a library
 * download is (ADR 0086): it is stored in that unit's transaction with the command's audit metadata (who, from
 * where, the correlation id), and the audit log and its hash chain take it like any other event. The subject's own
 * stream is not lengthened, nor loaded, by being exported.
 */
@Component
class SubjectAccessExports {

    static final Set<String> SUBJECT_TYPES = Set.of("candidate", "user");
    static final Set<String> FORMATS = Set.of("json", "pdf");

    @CommandHandler
    void handle(RecordSubjectAccessExport command, EventBus events, Clock clock) {
        if (!SUBJECT_TYPES.contains(command.subjectType())) {
            throw new InvalidCommand("subjectType", "subjectType must be one of " + SUBJECT_TYPES);
        }
        if (!FORMATS.contains(command.format())) {
            throw new InvalidCommand("format", "format must be one of " + FORMATS);
        }
        String reason = command.reason() == null || command.reason().isBlank()
                ? null
                : command.reason().strip();
        if (reason != null && reason.length() > Reason.MAX_LENGTH) {
            throw new InvalidCommand("reason", "a reason must be at most " + Reason.MAX_LENGTH + " characters");
        }
        events.publish(GenericEventMessage.asEventMessage(new SubjectAccessExported(
                command.subjectType(),
                Text.identifier("subjectId", command.subjectId()),
                command.format(),
                reason == null ? null : Text.lines("reason", reason),
                Text.identifier("exportedByUserId", command.exportedByUserId()),
                command.exportedByPin(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS))));
    }
}
