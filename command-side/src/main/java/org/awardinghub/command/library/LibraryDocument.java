package org.awardinghub.command.library;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.qualification.CatalogueCode;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.events.library.LibraryDocumentDownloaded;
import org.awardinghub.events.library.LibraryDocumentKind;
import org.awardinghub.events.library.LibraryDocumentVersionUploaded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A document of the library: a qualification's specification, sample assessment material or scheme of work, or a
 * key document such as the operating manual. Every upload is a new version, numbered from 1, with the hash of its
 * file; earlier versions stay downloadable.
 *
 * <p>A download is recorded here, where the version is known to exist, but as an event of no aggregate
 * ({@link LibraryDocumentDownloaded}, published on the event bus in the command's unit of work, so it keeps the
 * command's audit metadata): the document's own stream holds its versions only, and stays short to load however
 * often it is downloaded.
 */
@Aggregate
public class LibraryDocument {

    static final int TITLE_MAX_LENGTH = 200;
    static final int FILE_NAME_MAX_LENGTH = 200;
    static final int NOTE_MAX_LENGTH = 1000;
    static final int MEDIA_TYPE_MAX_LENGTH = 200;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String documentId;

    private String title;
    private LibraryDocumentKind kind;
    private String qualificationCode;
    private final List<String> hashes = new ArrayList<>();

    /** For Axon, which rebuilds the document from its events. */
    protected LibraryDocument() {}

    @CommandHandler
    LibraryDocument(UploadLibraryDocument command, QualificationDirectory catalogue, Clock clock) {
        String id = Text.identifier("documentId", command.documentId());
        String newTitle = Text.required("title", command.title(), TITLE_MAX_LENGTH);
        if (command.kind() == null) {
            throw new InvalidCommand("kind", "a kind is required: one of " + List.of(LibraryDocumentKind.values()));
        }
        String code = qualificationOf(command.kind(), command.qualificationCode(), catalogue);
        uploaded(
                id,
                1,
                newTitle,
                command.kind(),
                code,
                command.file(),
                command.note(),
                command.uploadedByUserId(),
                command.uploadedByPin(),
                clock);
    }

    /** Answers the new version's number. */
    @CommandHandler
    int handle(UploadLibraryDocumentVersion command, Clock clock) {
        int version = hashes.size() + 1;
        uploaded(
                documentId,
                version,
                title,
                kind,
                qualificationCode,
                command.file(),
                command.note(),
                command.uploadedByUserId(),
                command.uploadedByPin(),
                clock);
        return version;
    }

    @CommandHandler
    void handle(RecordLibraryDownload command, EventBus events, Clock clock) {
        if (command.version() < 1 || command.version() > hashes.size()) {
            throw new UnknownRecord("No version " + command.version() + " of library document " + documentId);
        }
        events.publish(GenericEventMessage.asEventMessage(new LibraryDocumentDownloaded(
                documentId,
                command.version(),
                hashes.get(command.version() - 1),
                Text.identifier("userId", command.userId()),
                command.pin(),
                command.centreId(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS))));
    }

    @EventSourcingHandler
    void on(LibraryDocumentVersionUploaded event) {
        documentId = event.documentId();
        title = event.title();
        kind = event.kind();
        qualificationCode = event.qualificationCode();
        hashes.add(event.sha256());
    }

    private static void uploaded(
            String id,
            int version,
            String title,
            LibraryDocumentKind kind,
            String code,
            LibraryFile file,
            String note,
            String userId,
            String pin,
            Clock clock) {
        if (file == null) {
            throw new InvalidCommand("file", "a file is required");
        }
        String fileName = Text.required("file", file.fileName(), FILE_NAME_MAX_LENGTH);
        String mediaType = Text.required("file", file.mediaType(), MEDIA_TYPE_MAX_LENGTH);
        if (file.size() < 1) {
            throw new InvalidCommand("file", "the file is empty");
        }
        if (file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
            throw new InvalidCommand("file", "the file's SHA-256 must be 64 lower-case hex digits");
        }
        String givenNote = note == null || note.isBlank() ? null : Text.requiredLines("note", note, NOTE_MAX_LENGTH);
        apply(new LibraryDocumentVersionUploaded(
                id,
                version,
                title,
                kind,
                code,
                fileName,
                mediaType,
                file.size(),
                file.sha256(),
                givenNote,
                Text.identifier("uploadedByUserId", userId),
                pin,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The catalogue's code for a qualification's document; none for a key document. */
    private static String qualificationOf(LibraryDocumentKind kind, String given, QualificationDirectory catalogue) {
        boolean named = given != null && !given.isBlank();
        if (!kind.ofQualification()) {
            if (named) {
                throw new InvalidCommand(
                        "qualificationCode",
                        "a " + kind + " is a key document for every centre" + " and names no qualification");
            }
            return null;
        }
        String code = CatalogueCode.required("qualificationCode", given);
        if (!catalogue.exists(code)) {
            throw new InvalidCommand("qualificationCode", "unknown qualification " + code);
        }
        return code;
    }
}
