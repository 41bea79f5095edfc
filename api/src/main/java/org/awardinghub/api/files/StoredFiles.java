package org.awardinghub.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.command.Text;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files in and out, one way for ePortfolio evidence and library documents: an upload's type is told by
 * its bytes and their structure ({@link FileTypes}; 415 with the reason when not accepted, and nothing kept) and
 * the bytes kept by their SHA-256 in the {@link FileStore} before any command names them; a download is served as an
 * attachment with a safe name, its media type and its SHA-256 in {@value #SHA256_HEADER}.
 */
@Component
public class StoredFiles {

    public static final String SHA256_HEADER = "X-Content-SHA256";
    static final int FILE_NAME_MAX_LENGTH = 200;

    /** A file kept: the name the client gave it (cleaned), its type, size and hash. */
    public record Stored(String fileName, FileTypes.FileType type, long size, String sha256) {}

    private final FileStore content;

    public StoredFiles(FileStore content) {
        this.content = content;
    }

    /** Tells the upload's type from its bytes and keeps them; 400 without a file, 415 for a file not accepted. */
    public Stored store(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.badRequest("file", "is required: a file of up to 25 MB");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileTypes.FileType type;
        try {
            type = FileTypes.kindOf(bytes);
        } catch (FileTypes.NotAccepted refused) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "File type not accepted",
                    "The file " + refused.getMessage() + " (told by its content, whatever its name)",
                    List.of(new ApiProblem.FieldError("file", refused.getMessage())));
        }
        FileStore.StoredContent stored = content.store(bytes);
        return new Stored(givenFileName(file.getOriginalFilename()), type, stored.size(), stored.sha256());
    }

    /**
     * As {@link #store(MultipartFile)}, the file named {@code unnamed} with its type's extension when the client gave
     * it no name ("evidence.pdf").
     */
    public Stored store(MultipartFile file, String unnamed) {
        Stored stored = store(file);
        String given = file.getOriginalFilename();
        return given == null || given.isBlank()
                ? new Stored(unnamed + "." + stored.type().extension(), stored.type(), stored.size(), stored.sha256())
                : stored;
    }

    /**
     * An optional file sent with a request: empty when none was sent, otherwise kept as
     * {@link #store(MultipartFile, String)}.
     */
    public Optional<Stored> storeIfSent(MultipartFile file, String unnamed) {
        return file == null || file.isEmpty() ? Optional.empty() : Optional.of(store(file, unnamed));
    }

    /** The bytes kept under the hash; 404 when the store does not hold them. */
    public InputStream open(String sha256) {
        return content.open(sha256).orElseThrow(() -> ApiProblem.notFound("The file's content is not in the store"));
    }

    /** The bytes as an attachment download, with what the event recorded about them. */
    public static ResponseEntity<InputStreamResource> attachment(
            InputStream bytes, String mediaType, long size, String fileName, String sha256) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .contentLength(size)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(safeFileName(fileName))
                                .build()
                                .toString())
                .header(SHA256_HEADER, sha256)
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(bytes));
    }

    /**
     * A name any browser and file system takes as it is: letters, digits, dot, hyphen and underscore, everything
     * else an underscore; never starting with a dot, never empty.
     */
    static String safeFileName(String name) {
        String safe =
                (name == null ? "" : name).replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        return safe.isEmpty() ? "document" : safe;
    }

    /**
     * What the client called the file, without any folder, bounded, and without the characters no text keeps
     * (control and invisible formatting characters, ADR 0139): a name a browser sent is dropped of them rather than
     * refused, so that "invoice\u202Efdp.exe" shows as what it is.
     */
    static String givenFileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(Text::allowedInLine).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.length() > FILE_NAME_MAX_LENGTH) {
            name = name.substring(name.length() - FILE_NAME_MAX_LENGTH);
        }
        return name.isEmpty() ? "document" : name;
    }
}
