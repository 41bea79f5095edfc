package org.awardinghub.api.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, told by its content and never by its name: the signatures ("magic numbers") of the kinds of file
 * an ePortfolio or the documents library accepts — PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (both the
 * OOXML ZIP packages and the older OLE files), OpenDocument, and short videos (MP4, QuickTime, WebM). Anything else,
 * including a ZIP that is not an office document and an executable renamed {@code .pdf}, is not recognised.
 *
 * <p>Apache Tika core's signature database decides the kind (ADR 0133). Two calls it cannot make alone are made
 * here: which office document a ZIP is, and MP4 against QuickTime; see {@link #officePackage} and {@link
 * #isoMediaKind}.
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

    private static final String ODF_PREFIX = "application/vnd.oasis.opendocument.";

    /** Tika core's signatures ("magic") alone: no file name is ever given to it. */
    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private static final MediaTypeRegistry TYPES = MAGIC.getMediaTypeRegistry();
    private static final MediaType TIKA_PDF = MediaType.application("pdf");
    private static final MediaType TIKA_OLE = MediaType.application("x-tika-msoffice");
    private static final MediaType TIKA_ZIP = MediaType.application("zip");
    private static final MediaType TIKA_MATROSKA = MediaType.application("x-matroska");
    private static final MediaType TIKA_QUICKTIME = MediaType.video("quicktime");
    private static final Set<MediaType> TIKA_3GPP = Set.of(MediaType.video("3gpp"), MediaType.video("3gpp2"));
    private static final Map<MediaType, FileType> IMAGES = Map.of(
            MediaType.image("png"), PNG,
            MediaType.image("jpeg"), JPEG,
            MediaType.image("gif"), GIF,
            MediaType.image("webp"), WEBP);

    private FileTypes() {}

    /** The kind of file the bytes are, when it is one of those accepted. */
    public static Optional<FileType> detect(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return Optional.empty();
        }
        MediaType type = magic(bytes);
        if (TYPES.isInstanceOf(type, TIKA_PDF)) {
            return Optional.of(PDF);
        }
        if (IMAGES.containsKey(type)) {
            return Optional.of(IMAGES.get(type));
        }
        if (TYPES.isInstanceOf(type, TIKA_OLE)) {
            // Tika core names some OLE files (msword, vnd.ms-excel...) by strings it finds in them, others not at
            // all; telling them apart for sure needs Apache POI (tika-parsers). All are stored as before: OLE.
            return Optional.of(OLE);
        }
        if (TYPES.isInstanceOf(type, TIKA_MATROSKA)) {
            return Optional.of(WEBM);
        }
        if (isoMedia(type)) {
            return isoMediaKind(bytes);
        }
        if (TYPES.isInstanceOf(type, TIKA_ZIP)) {
            return officePackage(bytes);
        }
        return Optional.empty();
    }

    private static MediaType magic(byte[] bytes) {
        try {
            return MAGIC.detect(new ByteArrayInputStream(bytes), new Metadata()).getBaseType();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM; // not from bytes in memory
        }
    }

    /** A video or sound in the ISO base media (MP4) or QuickTime family; HEIF/HEIC/AVIF and raw photos are not. */
    private static boolean isoMedia(MediaType type) {
        return !"image".equals(type.getType())
                && (TYPES.isInstanceOf(type, TIKA_QUICKTIME) || TIKA_3GPP.contains(type));
    }

    /**
     * MP4 or QuickTime by the major brand of the file's {@code ftyp} box. Tika core cannot make this call: its
     * signatures list a few MP4 brands and take every other one ({@code isom}, {@code iso2}, {@code avc1}, {@code
     * dash}...) for QuickTime, which would serve most MP4 videos as {@code video/quicktime}. A file without an
     * {@code ftyp} box first (an old QuickTime movie) is refused, as before.
     */
    private static Optional<FileType> isoMediaKind(byte[] bytes) {
        if (!startsWith(bytes, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String brand = new String(bytes, 8, 4, StandardCharsets.US_ASCII);
        return Optional.of("qt  ".equals(brand) ? QUICKTIME : MP4);
    }

    /**
     * A ZIP is accepted only as an office document: OOXML by its parts, OpenDocument by its mimetype entry. Tika core
     * stops at the container: a ZIP whose first entry is {@code [Content_Types].xml} is "some OOXML", any other
     * order is a plain ZIP, and OpenDocument is named only when its mimetype entry is first and not compressed.
     * Telling a docx from an xlsx from a ZIP of anything needs Tika's container detector, which lives in
     * tika-parsers; this reads the entry names instead, the smallest check that decides.
     */
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
