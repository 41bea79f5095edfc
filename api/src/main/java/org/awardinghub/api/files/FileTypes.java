package org.awardinghub.api.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, told by its content and never by its name: the kinds an ePortfolio or the documents library
 * accepts — PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (both the OOXML ZIP packages and the older OLE files),
 * OpenDocument, and short videos (MP4, QuickTime, WebM). Anything else, including a ZIP that is not an office
 * document and an executable renamed {@code .pdf}, is refused, with the reason.
 *
 * <p>Two readings must agree (ADR 0133, ADR 0138). Apache Tika core's detector names the kind from a bounded prefix
 * of the bytes, never from the file name. Then the kind's own structure is read here, so that a file is not one
 * thing to this check and another to a browser or an office suite (issue 15, finding 7):
 *
 * <ul>
 *   <li>a PDF has its header ({@code %PDF-1.x}) in its first kilobyte and the end a reader looks for first ({@code
 *       startxref}, the offset of its cross-reference, {@code %%EOF}) in its last;
 *   <li>an image starts with its exact signature, a PNG with its header chunk;
 *   <li>an MP4 or QuickTime video is boxes from its {@code ftyp} to the end of the file, one a {@code moov};
 *   <li>a WebM (or Matroska) video has an EBML header naming it, and its segment after;
 *   <li>an office document's ZIP is read from its central directory by {@link OfficePackage}, which bounds what
 *       the archive may inflate to (issue 15, finding 3).
 * </ul>
 *
 * <p>Then, for a PDF, an image or a video, the first {@value #SCANNED} bytes from its header must hold no web page
 * or script markup ({@link #MARKUP}) and no program's header (a Windows program's {@code MZ} with its {@code PE}
 * header or DOS stub, an ELF header). These formats keep such text nowhere a browser or a reader would act on it: a
 * defence in depth against polyglot files, not an antivirus. Every check reads a bounded part of the bytes or walks
 * a structure once, so its cost is bounded by the upload's size limit, whatever the file.
 */
public final class FileTypes {

    /** A recognised kind of file: its media type and the extension it is served with. */
    public record FileType(String mediaType, String extension, String family) {}

    /** Why the bytes are none of the accepted kinds, in words for whoever uploaded them. */
    public static final class NotAccepted extends RuntimeException {

        NotAccepted(String reason) {
            super(reason, null, false, false);
        }
    }

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

    /**
     * The media type of every kind of file accepted, as a stored file is served: read from the kinds declared above,
     * so that a kind added is listed (in the OpenAPI document's downloads) without another list to keep.
     */
    public static List<String> mediaTypes() {
        return Arrays.stream(FileTypes.class.getDeclaredFields())
                .filter(field ->
                        java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == FileType.class)
                .map(field -> {
                    try {
                        return ((FileType) field.get(null)).mediaType();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct()
                .toList();
    }

    static final String NOT_ACCEPTED = "is not a PDF, an image, an office document or a video";

    /** How far past its header a PDF, an image or a video is searched for markup and programs. */
    static final int SCANNED = 4096;

    /** Markup that makes a browser take bytes for a web page, or that runs script in one; compared lower-cased. */
    static final List<String> MARKUP = List.of("<!doctype html", "<html", "<head", "<body", "<script", "<iframe");

    /** How much Tika's detector is given: its own signatures look no further (64 KiB). */
    private static final int DETECTED = 64 * 1024;

    /** Tika core's signatures ("magic") alone: no file name is ever given to it. */
    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private static final Detector DETECTOR = TIKA;
    private static final MediaTypeRegistry TYPES = TIKA.getMediaTypeRegistry();
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

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final List<String> WEBP_CHUNKS = List.of("VP8 ", "VP8L", "VP8X");
    private static final long EBML_HEADER = 0x1A45DFA3L;
    private static final long EBML_DOC_TYPE = 0x4282;
    private static final long MATROSKA_SEGMENT = 0x18538067;
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};
    private static final String DOS_STUB = "This program cannot be run in DOS mode";

    private FileTypes() {}

    /** The kind of file the bytes are, when it is one of those accepted. */
    public static Optional<FileType> detect(byte[] bytes) {
        try {
            return Optional.of(kindOf(bytes));
        } catch (NotAccepted refused) {
            return Optional.empty();
        }
    }

    /** The kind of file the bytes are; {@link NotAccepted}, saying why, when they are none of those accepted. */
    public static FileType kindOf(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            throw new NotAccepted(NOT_ACCEPTED);
        }
        MediaType told = tika(bytes);
        if (TYPES.isInstanceOf(told, TIKA_PDF)) {
            return pdf(bytes);
        }
        if (IMAGES.containsKey(told)) {
            return image(bytes, IMAGES.get(told));
        }
        if (TYPES.isInstanceOf(told, TIKA_OLE)) {
            // Tika core names some OLE files (msword, vnd.ms-excel...) by strings it finds in them, others not at
            // all; telling them apart for sure needs Apache POI (tika-parsers). All are stored as before: OLE.
            return OLE;
        }
        if (TYPES.isInstanceOf(told, TIKA_MATROSKA)) {
            return matroska(bytes);
        }
        if (isoMedia(told)) {
            return isoMedia(bytes);
        }
        if (TYPES.isInstanceOf(told, TIKA_ZIP)) {
            return OfficePackage.kind(bytes);
        }
        throw new NotAccepted(NOT_ACCEPTED);
    }

    private static MediaType tika(byte[] bytes) {
        try {
            return DETECTOR.detect(new ByteArrayInputStream(bytes, 0, Math.min(bytes.length, DETECTED)), new Metadata())
                    .getBaseType();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM; // not from bytes in memory
        }
    }

    /**
     * A PDF as a reader finds it: the header where Tika found it (a few bytes, a byte-order mark, may come first)
     * and, in the last kilobyte, {@code startxref}, the offset of the cross-reference and {@code %%EOF}, which a
     * reader reads before anything else. A web page that starts {@code %PDF-} has neither.
     */
    private static FileType pdf(byte[] bytes) {
        int header = indexOf(bytes, ascii("%PDF-"), 0, Math.min(bytes.length, 1024));
        if (header < 0 || !pdfVersion(bytes, header + 5)) {
            throw new NotAccepted("is not a PDF: its header (%PDF-1.x or %PDF-2.x) is not in its first kilobyte");
        }
        int end = lastIndexOf(bytes, ascii("%%EOF"), Math.max(header, bytes.length - 1024), bytes.length);
        if (end < 0) {
            throw new NotAccepted("is not a whole PDF: its end (%%EOF) is not in its last kilobyte");
        }
        int startxref = lastIndexOf(bytes, ascii("startxref"), Math.max(header, end - 1024), end);
        if (startxref < 0 || !offsetAlone(bytes, startxref + "startxref".length(), end)) {
            throw new NotAccepted(
                    "is not a whole PDF: its end does not say where its cross-reference is (startxref, an offset)");
        }
        refuseHiddenContent(bytes, header, "PDF");
        return PDF;
    }

    private static boolean pdfVersion(byte[] bytes, int at) {
        return at + 3 <= bytes.length
                && (bytes[at] == '1' || bytes[at] == '2')
                && bytes[at + 1] == '.'
                && Character.isDigit(bytes[at + 2]);
    }

    /** Between {@code startxref} and {@code %%EOF}: white space, an offset within the file, white space. */
    private static boolean offsetAlone(byte[] bytes, int from, int to) {
        String between = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip();
        return between.matches("\\d{1,10}") && Long.parseLong(between) < bytes.length;
    }

    /** An image: its format's exact signature first, as Tika found it; a PNG's first chunk its header. */
    private static FileType image(byte[] bytes, FileType type) {
        boolean signed = switch (type.extension()) {
            case "png" -> startsWith(bytes, 0, PNG_SIGNATURE) && startsWith(bytes, 12, ascii("IHDR"));
            case "jpg" -> startsWith(bytes, 0, JPEG_SIGNATURE);
            case "gif" -> startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"));
            case "webp" ->
                startsWith(bytes, 0, ascii("RIFF"))
                        && WEBP_CHUNKS.stream().anyMatch(chunk -> startsWith(bytes, 8, ascii("WEBP" + chunk)));
            default -> false;
        };
        if (!signed) {
            throw new NotAccepted("is not a whole " + named(type) + " image: its signature or header is not first");
        }
        refuseHiddenContent(bytes, 0, named(type));
        return type;
    }

    /** A video or sound in the ISO base media (MP4) or QuickTime family; HEIF/HEIC/AVIF and raw photos are not. */
    private static boolean isoMedia(MediaType type) {
        return !"image".equals(type.getType())
                && (TYPES.isInstanceOf(type, TIKA_QUICKTIME) || TIKA_3GPP.contains(type));
    }

    /**
     * An MP4 or QuickTime video: its {@code ftyp} box first, then boxes, each of a printable type and a size within
     * the file, to its end (zero bytes of padding allowed), one of them the movie ({@code moov}). The major brand
     * tells MP4 from QuickTime, as Tika core cannot: its signatures take every brand but a few ({@code isom}, {@code
     * iso2}, {@code avc1}, {@code dash}...) for QuickTime. An old QuickTime movie without {@code ftyp} is refused.
     */
    private static FileType isoMedia(byte[] bytes) {
        long ftyp = u32(bytes, 0);
        if (!startsWith(bytes, 4, ascii("ftyp"))
                || ftyp < 16
                || ftyp > Math.min(bytes.length, 4096)
                || ftyp % 4 != 0
                || !printable(bytes, 8, 4)
                || !printable(bytes, 16, (int) ftyp - 16)) {
            throw new NotAccepted("is not a whole video: it does not start with its file type box (ftyp)");
        }
        FileType type = startsWith(bytes, 8, ascii("qt  ")) ? QUICKTIME : MP4;
        boolean movie = false;
        long at = 0;
        while (at < bytes.length) {
            long size = bytes.length - at < 8 ? -1 : u32(bytes, (int) at);
            int header = 8;
            if (size == 1 && bytes.length - at >= 16) {
                size = u64(bytes, (int) at + 8);
                header = 16;
            } else if (size == 0) {
                size = bytes.length - at;
            }
            if (size < header || size > bytes.length - at || !printable(bytes, (int) at + 4, 4)) {
                if (zeros(bytes, (int) at)) {
                    break;
                }
                throw new NotAccepted("is not a whole " + named(type) + " video: its boxes do not run to its end");
            }
            movie |= startsWith(bytes, (int) at + 4, ascii("moov"));
            at += size;
        }
        if (!movie) {
            throw new NotAccepted("is not a whole " + named(type) + " video: it has no movie box (moov)");
        }
        refuseHiddenContent(bytes, 0, named(type));
        return type;
    }

    /**
     * A WebM or Matroska video: its EBML header, whose document type is {@code webm} or {@code matroska}, then its
     * segment. Stored as WebM, as before.
     */
    private static FileType matroska(byte[] bytes) {
        String broken = "is not a whole WebM video: its header does not name it, or no segment follows";
        EbmlElement header = EbmlElement.at(bytes, 0);
        if (header == null || header.id() != EBML_HEADER || header.end() > bytes.length || header.size() > 4096) {
            throw new NotAccepted(broken);
        }
        String docType = null;
        for (long at = header.start(); at < header.end(); ) {
            EbmlElement child = EbmlElement.at(bytes, (int) at);
            if (child == null || child.end() > header.end()) {
                throw new NotAccepted(broken);
            }
            if (child.id() == EBML_DOC_TYPE) {
                docType = new String(bytes, (int) child.start(), (int) child.size(), StandardCharsets.ISO_8859_1)
                        .replace("\0", "");
            }
            at = child.end();
        }
        EbmlElement segment = EbmlElement.at(bytes, (int) header.end());
        if (!("webm".equals(docType) || "matroska".equals(docType))
                || segment == null
                || segment.id() != MATROSKA_SEGMENT) {
            throw new NotAccepted(broken);
        }
        refuseHiddenContent(bytes, 0, "WebM");
        return WEBM;
    }

    /** An EBML element: its id (with its length marker, as the format lists ids), where its data starts, its size. */
    private record EbmlElement(long id, long start, long size) {

        long end() {
            return start + size;
        }

        /** The element at {@code at}, or null where the bytes are no element. */
        static EbmlElement at(byte[] bytes, int at) {
            int idLength = vintLength(bytes, at);
            int sizeLength = vintLength(bytes, at + idLength);
            if (idLength == 0 || idLength > 4 || sizeLength == 0) {
                return null;
            }
            long id = 0;
            for (int i = 0; i < idLength; i++) {
                id = id << 8 | bytes[at + i] & 0xFF;
            }
            int sizeAt = at + idLength;
            long size = bytes[sizeAt] & (0xFF >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                size = size << 8 | bytes[sizeAt + i] & 0xFF;
            }
            return new EbmlElement(id, sizeAt + sizeLength, size);
        }

        /** An EBML variable-length integer's length, told by its first byte's leading zeros; 0 when there is none. */
        private static int vintLength(byte[] bytes, int at) {
            if (at < 0 || at >= bytes.length || bytes[at] == 0) {
                return 0;
            }
            int length = Integer.numberOfLeadingZeros(bytes[at] & 0xFF) - 23;
            return at + length <= bytes.length ? length : 0;
        }
    }

    /**
     * Refuses web page or script markup, or a program, in the first {@value #SCANNED} bytes from the header at
     * {@code header} (and in anything before it).
     */
    private static void refuseHiddenContent(byte[] bytes, int header, String kind) {
        int to = (int) Math.min(bytes.length, (long) header + SCANNED);
        String text = new String(bytes, 0, to, StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (lower.contains(markup)) {
                throw new NotAccepted("has web page or script markup (" + markup + ") behind its " + kind + " header");
            }
        }
        if (text.contains(DOS_STUB) || indexOf(bytes, ELF, 0, to) >= 0 || windowsProgram(bytes, to)) {
            throw new NotAccepted("has a program behind its " + kind + " header");
        }
    }

    /** {@code MZ} whose header points, at 0x3C, to a {@code PE} header: a Windows program, not two chance bytes. */
    private static boolean windowsProgram(byte[] bytes, int to) {
        for (int at = indexOf(bytes, ascii("MZ"), 0, to); at >= 0; at = indexOf(bytes, ascii("MZ"), at + 1, to)) {
            if (at + 0x40 <= bytes.length) {
                long pe = at + Integer.toUnsignedLong(Integer.reverseBytes((int) u32(bytes, at + 0x3C)));
                if (pe + 4 <= bytes.length && startsWith(bytes, (int) pe, new byte[] {'P', 'E', 0, 0})) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String named(FileType type) {
        return type.extension().toUpperCase(Locale.ROOT);
    }

    private static boolean printable(byte[] bytes, int at, int length) {
        if (at < 0 || at + length > bytes.length) {
            return false;
        }
        for (int i = at; i < at + length; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) << 24
                | (bytes[at + 1] & 0xFFL) << 16
                | (bytes[at + 2] & 0xFFL) << 8
                | bytes[at + 3] & 0xFFL;
    }

    private static long u64(byte[] bytes, int at) {
        return u32(bytes, at) << 32 | u32(bytes, at + 4);
    }

    private static int indexOf(byte[] bytes, byte[] target, int from, int to) {
        for (int at = Math.max(0, from); at + target.length <= to; at++) {
            if (startsWith(bytes, at, target)) {
                return at;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] target, int from, int to) {
        for (int at = to - target.length; at >= Math.max(0, from); at--) {
            if (startsWith(bytes, at, target)) {
                return at;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return offset >= 0
                && bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
