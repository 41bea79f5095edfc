package org.awardinghub.api.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import org.awardinghub.api.files.FileTypes.FileType;
import org.awardinghub.api.files.FileTypes.NotAccepted;

/**
 * Which office document a ZIP is, read from the archive's central directory: the entries' names and declared sizes
 * decide, and no entry is ever inflated whole, so that a 4 MB document whose entry inflates to 4 GiB costs no more to
 * refuse than to read its directory (issue 15, finding 3; ADR 0138). In order, at a cost bounded by the file's size:
 *
 * <ol>
 *   <li><b>Bounds</b>, from the directory alone: at most {@value #MAX_ENTRIES} entries; no entry declaring more than
 *       {@value #MAX_INFLATION} times its compressed size (Apache POI's {@code ZipSecureFile} limit, and as there only
 *       past {@value #RATIO_CHECKED_FROM} bytes, as small parts compress well and are no bomb); at most 1 GiB declared
 *       in all; stored or deflated entries only, not encrypted, no ZIP64 (a document of 25 MB never needs it).
 *   <li><b>One reading only</b>: the entries lie one after the other from the first byte to the directory, each
 *       named as the directory names it, the directory ends the file, and no two entries share a name (part names
 *       are case-insensitive): no bytes hidden between entries or after the archive, no entries overlapping (the
 *       "better zip bomb"), nothing one reader sees and another does not.
 *   <li><b>The parts a real document has</b>: {@code [Content_Types].xml} and exactly one of {@code
 *       word/document.xml}, {@code xl/workbook.xml}, {@code ppt/presentation.xml}; or an OpenDocument {@code
 *       mimetype} and {@code content.xml}.
 *   <li><b>No programs and no macros</b>: no entry named as a program or script, none whose first bytes are a
 *       program's ({@code MZ}, ELF) or a script's ({@code #!}); no VBA project, Excel 4.0 macro sheet or
 *       macro-enabled content type (only .docx, .xlsx and .pptx are accepted, not .docm, .xlsm, .pptm), no
 *       OpenDocument Basic module or script.
 * </ol>
 *
 * Only the first {@value #HEAD_READ} bytes of an entry are inflated, the {@code mimetype}'s first {@value
 * #MIMETYPE_READ}, and the content types' first {@value #CONTENT_TYPES_READ}.
 */
final class OfficePackage {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_INFLATION = 100;
    static final long RATIO_CHECKED_FROM = 100 * 1024;
    static final long MAX_INFLATED = 1L << 30;

    private static final int HEAD_READ = 4;
    private static final int MIMETYPE_READ = 100;
    private static final int CONTENT_TYPES_READ = 64 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final long ZIP64_MARK = 0xFFFF_FFFFL;

    private static final String ODF_PREFIX = "application/vnd.oasis.opendocument.";
    private static final String CONTENT_TYPES = "[content_types].xml";
    private static final Map<String, FileType> MAIN_PARTS = Map.of(
            "word/document.xml", FileTypes.DOCX,
            "xl/workbook.xml", FileTypes.XLSX,
            "ppt/presentation.xml", FileTypes.PPTX);
    private static final List<String> PROGRAM_EXTENSIONS = List.of(
            ".exe", ".dll", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta",
            ".sh", ".jar");
    /** A Windows program ({@code MZ}), a Linux one (ELF), a script ({@code #!}). */
    private static final List<byte[]> PROGRAM_HEADS =
            List.of(new byte[] {'M', 'Z'}, new byte[] {0x7F, 'E', 'L', 'F'}, new byte[] {'#', '!'});

    private static final Set<String> VBA_PARTS = Set.of("vbaproject.bin", "vbaprojectsignature.bin", "vbadata.xml");
    private static final Set<String> BASIC_LIBRARY_INDEXES = Set.of("script-lc.xml", "script-lb.xml");

    private static final String NOT_OFFICE = "is a ZIP archive but not an office document";
    private static final String BROKEN = "is not a whole ZIP archive: its directory and its entries do not agree";

    /** An entry as the central directory declares it, with where its data starts. */
    private record Entry(String name, int flags, int method, long compressed, long inflated, int local, int data) {

        String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        int dataEnd() {
            return data + (int) compressed;
        }
    }

    private OfficePackage() {}

    /** The office document the ZIP is, or {@link NotAccepted} saying why it is none. */
    static FileType kind(byte[] bytes) {
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            List<Entry> entries = entries(zip);
            Map<String, Entry> byName = new HashMap<>();
            for (Entry entry : entries) {
                if (byName.put(entry.lowerName(), entry) != null) {
                    throw new NotAccepted("has two entries named " + shown(entry.name()));
                }
                refuseProgramsAndMacros(entry);
            }
            FileType kind = byName.containsKey("mimetype") ? openDocument(bytes, byName) : openXml(bytes, byName);
            Inflater inflater = new Inflater(true);
            try {
                for (Entry entry : entries) {
                    byte[] head = head(bytes, entry, HEAD_READ, inflater);
                    if (PROGRAM_HEADS.stream().anyMatch(magic -> startsWith(head, magic))) {
                        throw new NotAccepted("carries a program or script: " + shown(entry.name()));
                    }
                }
            } finally {
                inflater.end();
            }
            return kind;
        } catch (IndexOutOfBoundsException e) {
            throw new NotAccepted(BROKEN);
        }
    }

    /** The entries of the central directory, once each bound and the archive's layout are checked. */
    private static List<Entry> entries(ByteBuffer zip) {
        int end = endRecord(zip);
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directory = u32(zip, end + 16);
        if (end >= 20 && zip.getInt(end - 20) == ZIP64_LOCATOR
                || count == 0xFFFF
                || directorySize == ZIP64_MARK
                || directory == ZIP64_MARK) {
            throw new NotAccepted("is a ZIP64 archive, which a document of up to 25 MB never needs");
        }
        if (count > MAX_ENTRIES) {
            throw new NotAccepted(String.format(Locale.ROOT, "has more than %,d entries", MAX_ENTRIES));
        }
        if (u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0 || u16(zip, end + 8) != count) {
            throw new NotAccepted("is a ZIP archive split across several files");
        }
        if (directory + directorySize != end) {
            throw new NotAccepted(BROKEN);
        }
        List<Entry> entries = new ArrayList<>(count);
        long inflated = 0;
        int at = (int) directory;
        for (int i = 0; i < count; i++) {
            Entry entry = entry(zip, at, (int) directory);
            inflated += entry.inflated();
            if (inflated > MAX_INFLATED) {
                throw new NotAccepted("has entries that would inflate to more than 1 GiB in all");
            }
            entries.add(entry);
            at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
        }
        if (at != end) {
            throw new NotAccepted(BROKEN);
        }
        refuseGapsAndOverlaps(zip, entries, (int) directory);
        return entries;
    }

    /** The end of central directory record, which must end the file: nothing may follow the archive. */
    private static int endRecord(ByteBuffer zip) {
        int length = zip.capacity();
        for (int at = length - 22; at >= Math.max(0, length - 22 - 0xFFFF); at--) {
            if (zip.getInt(at) == END_RECORD && at + 22 + u16(zip, at + 20) == length) {
                return at;
            }
        }
        throw new NotAccepted("is not a whole ZIP archive: its end is missing, or bytes follow it");
    }

    /** One central directory header, checked against the limits and against its entry's local header. */
    private static Entry entry(ByteBuffer zip, int at, int directory) {
        if (zip.getInt(at) != CENTRAL_HEADER) {
            throw new NotAccepted(BROKEN);
        }
        int flags = u16(zip, at + 8);
        int method = u16(zip, at + 10);
        long compressed = u32(zip, at + 20);
        long inflated = u32(zip, at + 24);
        int nameLength = u16(zip, at + 28);
        long local = u32(zip, at + 42);
        String name = new String(
                zip.array(),
                at + 46,
                nameLength,
                (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (compressed == ZIP64_MARK || inflated == ZIP64_MARK || local == ZIP64_MARK) {
            throw new NotAccepted("is a ZIP64 archive, which a document of up to 25 MB never needs");
        }
        if ((flags & 1) != 0) {
            throw new NotAccepted("has an encrypted entry: " + shown(name));
        }
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw new NotAccepted("has an entry compressed as no office suite does: " + shown(name));
        }
        if (inflated > RATIO_CHECKED_FROM && inflated > compressed * MAX_INFLATION) {
            throw new NotAccepted(String.format(
                    Locale.ROOT,
                    "has an entry, %s, that would inflate %,d times its size; at most %d times is accepted",
                    shown(name),
                    inflated / Math.max(1, compressed),
                    MAX_INFLATION));
        }
        if (method == ZipEntry.STORED && compressed != inflated || local + 30 > directory) {
            throw new NotAccepted(BROKEN);
        }
        int header = (int) local;
        int localNameLength = u16(zip, header + 26);
        long data = header + 30L + localNameLength + u16(zip, header + 28);
        if (zip.getInt(header) != LOCAL_HEADER
                || !Arrays.equals(
                        zip.array(),
                        header + 30,
                        header + 30 + localNameLength,
                        zip.array(),
                        at + 46,
                        at + 46 + nameLength)
                || data + compressed > directory) {
            throw new NotAccepted(BROKEN);
        }
        return new Entry(name, flags, method, compressed, inflated, header, (int) data);
    }

    /** Each entry starts where the one before ends (its data descriptor included), the first at 0, the last at the directory. */
    private static void refuseGapsAndOverlaps(ByteBuffer zip, List<Entry> entries, int directory) {
        long expected = 0;
        for (Entry entry :
                entries.stream().sorted(Comparator.comparingInt(Entry::local)).toList()) {
            if (entry.local() != expected) {
                throw new NotAccepted("is not a whole ZIP archive: bytes lie between its entries, or entries overlap");
            }
            expected = entry.dataEnd() + descriptorLength(zip, entry, directory);
        }
        if (expected != directory) {
            throw new NotAccepted("is not a whole ZIP archive: bytes lie between its entries and its directory");
        }
    }

    /** The data descriptor after an entry written as a stream: with or without its signature, 32- or 64-bit sizes. */
    private static int descriptorLength(ByteBuffer zip, Entry entry, int directory) {
        if ((entry.flags() & 8) == 0) {
            return 0;
        }
        int at = entry.dataEnd();
        int sizes = at + (at + 4 <= directory && zip.getInt(at) == DATA_DESCRIPTOR ? 8 : 4);
        int signature = sizes - at - 4;
        if (sizes + 8 <= directory
                && u32(zip, sizes) == entry.compressed()
                && u32(zip, sizes + 4) == entry.inflated()) {
            return 12 + signature;
        }
        if (sizes + 16 <= directory
                && zip.getLong(sizes) == entry.compressed()
                && zip.getLong(sizes + 8) == entry.inflated()) {
            return 20 + signature;
        }
        throw new NotAccepted(BROKEN);
    }

    private static void refuseProgramsAndMacros(Entry entry) {
        String name = entry.lowerName();
        if (PROGRAM_EXTENSIONS.stream().anyMatch(name::endsWith)) {
            throw new NotAccepted("carries a program or script: " + shown(entry.name()));
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (VBA_PARTS.contains(file)
                || name.startsWith("xl/macrosheets/")
                || name.startsWith("scripts/")
                || name.startsWith("basic/") && !BASIC_LIBRARY_INDEXES.contains(file)) {
            throw new NotAccepted(
                    "carries macros (" + shown(entry.name()) + "): only documents without macros are accepted");
        }
    }

    private static FileType openDocument(byte[] bytes, Map<String, Entry> byName) {
        String mime =
                ascii(head(bytes, byName.get("mimetype"), MIMETYPE_READ, null)).strip();
        if (!mime.startsWith(ODF_PREFIX)) {
            throw new NotAccepted(NOT_OFFICE);
        }
        if (!byName.containsKey("content.xml")) {
            throw new NotAccepted("is not a whole OpenDocument: it has no content.xml");
        }
        return new FileType(mime, openDocumentExtension(mime), "document");
    }

    private static FileType openXml(byte[] bytes, Map<String, Entry> byName) {
        if (!byName.containsKey(CONTENT_TYPES)) {
            throw new NotAccepted(NOT_OFFICE + ": it has no [Content_Types].xml");
        }
        List<FileType> kinds = MAIN_PARTS.entrySet().stream()
                .filter(part -> byName.containsKey(part.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        if (kinds.size() != 1) {
            throw new NotAccepted("is not a whole Word, Excel or PowerPoint document: it needs exactly one of"
                    + " word/document.xml, xl/workbook.xml and ppt/presentation.xml");
        }
        String types = ascii(head(bytes, byName.get(CONTENT_TYPES), CONTENT_TYPES_READ, null))
                .toLowerCase(Locale.ROOT);
        if (types.contains("macroenabled") || types.contains("vbaproject")) {
            throw new NotAccepted("is a macro-enabled document: only documents without macros are accepted");
        }
        return kinds.get(0);
    }

    /**
     * The entry's first bytes, at most {@code cap} whatever the entry declares: a deflated entry is inflated only so
     * far, its input bounded by its compressed size.
     */
    private static byte[] head(byte[] bytes, Entry entry, int cap, Inflater shared) {
        if (entry.method() == ZipEntry.STORED) {
            return Arrays.copyOfRange(bytes, entry.data(), entry.data() + (int) Math.min(cap, entry.compressed()));
        }
        Inflater inflater = shared == null ? new Inflater(true) : shared;
        try {
            inflater.reset();
            // one byte more than the entry, as zlib may want with raw deflate: the next header is always there
            inflater.setInput(bytes, entry.data(), (int) Math.min(entry.compressed() + 1, bytes.length - entry.data()));
            byte[] head = new byte[cap];
            int read = 0;
            while (read < cap && !inflater.finished()) {
                int inflated = inflater.inflate(head, read, cap - read);
                if (inflated == 0) {
                    break;
                }
                read += inflated;
            }
            return Arrays.copyOf(head, read);
        } catch (DataFormatException e) {
            throw new NotAccepted("has a broken entry: " + shown(entry.name()));
        } finally {
            if (shared == null) {
                inflater.end();
            }
        }
    }

    private static String openDocumentExtension(String mime) {
        return switch (mime.substring(ODF_PREFIX.length())) {
            case "text" -> "odt";
            case "spreadsheet" -> "ods";
            case "presentation" -> "odp";
            default -> "odf";
        };
    }

    /** An entry's name as the uploader may be told it: printable ASCII, at most 100 characters. */
    private static String shown(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static int u16(ByteBuffer zip, int at) {
        return Short.toUnsignedInt(zip.getShort(at));
    }

    private static long u32(ByteBuffer zip, int at) {
        return Integer.toUnsignedLong(zip.getInt(at));
    }
}
