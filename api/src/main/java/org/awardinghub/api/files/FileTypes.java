package org.awardinghub.api.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its content and never by its name: the signatures ("magic numbers") of the kinds of file
 * an ePortfolio or the documents library accepts — PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (both the
 * OOXML ZIP packages and the older OLE files), OpenDocument, and short videos (MP4, QuickTime, WebM). Anything else,
 * including a ZIP that is not an office document and an executable renamed {@code .pdf}, is not recognised.
 */
public final class FileTypes {

    /** A recognised kind of file: its media type and the extension it is served with. */
    public record FileType(String mediaType, String extension, String family) {}

    static final FileType PDF = new FileType("application/pdf", "pdf", "document");
    static final FileType PNG = new FileType("image/png", "png", "image");
    static final FileType JPEG = new FileType("image/jpeg", "jpg", "image");
    static final FileType GIF = new FileType("image/gif", "gif", "image");
    static final FileType WEBP = new FileType("image/webp", "webp", "image");
    static final FileType DOCX =
            new FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "document");
    static final FileType XLSX =
            new FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "document");
    static final FileType PPTX = new FileType(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "document");
    static final FileType OLE = new FileType("application/x-ole-storage", "doc", "document");
    static final FileType MP4 = new FileType("video/mp4", "mp4", "video");
    static final FileType QUICKTIME = new FileType("video/quicktime", "mov", "video");
    static final FileType WEBM = new FileType("video/webm", "webm", "video");

    private static final byte[] OLE_SIGNATURE = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final String ODF_PREFIX = "application/vnd.oasis.opendocument.";

    private FileTypes() {}

    /** The kind of file the bytes are, when it is one of those accepted. */
    public static Optional<FileType> detect(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return Optional.empty();
        }
        if (startsWith(bytes, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(bytes, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, OLE_SIGNATURE)) {
            return Optional.of(OLE);
        }
        if (startsWith(bytes, 0, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
            return Optional.of(WEBM);
        }
        if (startsWith(bytes, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            String brand = new String(bytes, 8, 4, StandardCharsets.US_ASCII);
            return Optional.of("qt  ".equals(brand) ? QUICKTIME : MP4);
        }
        if (startsWith(bytes, 0, new byte[] {'P', 'K', 0x03, 0x04})) {
            return officePackage(bytes);
        }
        return Optional.empty();
    }

    /** A ZIP is accepted only as an office document: OOXML by its parts, OpenDocument by its mimetype entry. */
    private static Optional<FileType> officePackage(byte[] bytes) {
        boolean contentTypes = false;
        FileType ooxml = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if ("mimetype".equals(name)) {
                    String mime = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    return mime.startsWith(ODF_PREFIX)
                            ? Optional.of(new FileType(mime, openDocumentExtension(mime), "document"))
                            : Optional.empty();
                }
                contentTypes |= "[Content_Types].xml".equals(name);
                if (ooxml == null) {
                    ooxml = name.startsWith("word/")
                            ? DOCX
                            : name.startsWith("xl/") ? XLSX : name.startsWith("ppt/") ? PPTX : null;
                }
                if (contentTypes && ooxml != null) {
                    return Optional.of(ooxml);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String openDocumentExtension(String mime) {
        return switch (mime.substring(ODF_PREFIX.length())) {
            case "text" -> "odt";
            case "spreadsheet" -> "ods";
            case "presentation" -> "odp";
            default -> "odf";
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
