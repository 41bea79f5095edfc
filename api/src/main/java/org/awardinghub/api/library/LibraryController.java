package org.awardinghub.api.library;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.files.StoredFiles;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.library.LibraryFile;
import org.awardinghub.command.library.RecordLibraryDownload;
import org.awardinghub.command.library.UploadLibraryDocument;
import org.awardinghub.command.library.UploadLibraryDocumentVersion;
import org.awardinghub.events.library.LibraryDocumentKind;
import org.awardinghub.query.Page;
import org.awardinghub.query.library.FindLibraryDocument;
import org.awardinghub.query.library.LibraryDocumentView;
import org.awardinghub.query.library.ListLibraryDocuments;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents library: IMI_ADMIN uploads qualification documents and key documents, each upload a new version
 * kept by the SHA-256 of its bytes; every signed-in staff user browses and downloads them, each download recorded
 * as an event with the downloader's PIN.
 */
@RestController
class LibraryController {

    /** The header that carries the SHA-256 of the bytes served, as recorded when the version was uploaded. */
    public record UploadedVersion(String documentId, int version, String sha256, long size, String mediaType) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final StoredFiles files;

    public LibraryController(Access access, CommandGateway commands, Queries queries, StoredFiles files) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
    }

    /** Uploads a new document to the library: the file, its title, kind and qualification. */
    @PostMapping("/api/library/documents")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<UploadedVersion> upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String qualificationCode,
            @RequestParam(required = false) String note) {
        ActingUser me = access.current();
        LibraryDocumentKind documentKind = kind(kind, true);
        LibraryFile stored = store(file);
        String documentId = UUID.randomUUID().toString();
        commands.sendAndWait(new UploadLibraryDocument(
                documentId, title, documentKind, qualificationCode, stored, note, me.userId(), me.pin()));
        return created(documentId, 1, stored);
    }

    /** Uploads a new version of a library document; earlier versions are kept. */
    @PostMapping("/api/library/documents/{documentId}/versions")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<UploadedVersion> uploadVersion(
            @PathVariable String documentId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String note) {
        ActingUser me = access.current();
        LibraryFile stored = store(file);
        int version =
                commands.sendAndWait(new UploadLibraryDocumentVersion(documentId, stored, note, me.userId(), me.pin()));
        return created(documentId, version, stored);
    }

    /**
     * A page of the library's documents. Every document, for every signed-in staff user; {@code ?qualificationCode=}
     * and {@code ?kind=} narrow it.
     */
    @GetMapping("/api/library/documents")
    @Allow(anyone = true)
    public Page<LibraryDocumentView> documents(
            @RequestParam(required = false) String qualificationCode,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        String code = qualificationCode == null || qualificationCode.isBlank()
                ? null
                : qualificationCode.strip().toUpperCase(Locale.ROOT);
        return queries.page(
                new ListLibraryDocuments(code, kind(kind, false), paging.page(), paging.size()),
                LibraryDocumentView.class);
    }

    /** One library document with all its versions. */
    @GetMapping("/api/library/documents/{documentId}")
    @Allow(anyone = true)
    public LibraryDocumentView document(@PathVariable String documentId) {
        return find(documentId);
    }

    /**
     * Downloads one version of a library document. The version's bytes, exactly as uploaded: served with the media type
     * told from them, as an attachment, with their SHA-256 in {@value StoredFiles#SHA256_HEADER}. The download is
     * recorded (with the caller's PIN) before a byte is sent.
     */
    @GetMapping("/api/library/documents/{documentId}/versions/{version}/file")
    @Allow(anyone = true)
    public ResponseEntity<InputStreamResource> download(@PathVariable String documentId, @PathVariable int version) {
        ActingUser me = access.current();
        LibraryDocumentView.Version found = find(documentId).versions().stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No version " + version + " of library document " + documentId));
        InputStream bytes = files.open(found.sha256());
        try {
            commands.sendAndWait(new RecordLibraryDownload(documentId, version, me.userId(), me.pin(), me.centreId()));
        } catch (RuntimeException e) {
            close(bytes);
            throw e;
        }
        return StoredFiles.attachment(bytes, found.mediaType(), found.size(), found.fileName(), found.sha256());
    }

    /** The file kept by its content, after its type is told from its bytes (415 when it is not one accepted). */
    private LibraryFile store(MultipartFile file) {
        StoredFiles.Stored stored = files.store(file);
        return new LibraryFile(stored.fileName(), stored.type().mediaType(), stored.size(), stored.sha256());
    }

    private LibraryDocumentView find(String documentId) {
        return queries.one(new FindLibraryDocument(documentId), LibraryDocumentView.class)
                .orElseThrow(() -> ApiProblem.notFound("No library document " + documentId));
    }

    private static LibraryDocumentKind kind(String kind, boolean required) {
        if (kind == null || kind.isBlank()) {
            if (required) {
                throw ApiProblem.badRequest("kind", "is required: one of " + kinds());
            }
            return null;
        }
        try {
            return LibraryDocumentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("kind", "must be one of " + kinds());
        }
    }

    private static String kinds() {
        return String.join(
                ", ",
                Arrays.stream(LibraryDocumentKind.values()).map(Enum::name).toList());
    }

    private static ResponseEntity<UploadedVersion> created(String documentId, int version, LibraryFile file) {
        return ResponseEntity.created(URI.create("/api/library/documents/" + documentId))
                .body(new UploadedVersion(documentId, version, file.sha256(), file.size(), file.mediaType()));
    }

    private static void close(InputStream bytes) {
        try {
            bytes.close();
        } catch (IOException e) {
            // nothing was sent; the failure that matters is the one being answered
        }
    }
}
