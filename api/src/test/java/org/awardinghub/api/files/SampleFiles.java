package org.awardinghub.api.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small files made as their formats define them, for uploads in tests: a PDF a reader opens, an MP4 and a WebM
 * with the structure a player expects, office packages with the parts a real document has, and a ZIP bomb.
 */
public final class SampleFiles {

    /** What a ZIP bomb's first entry inflates to: the largest size a ZIP header states without ZIP64. */
    public static final long BOMB_INFLATED_SIZE = 0xFFFF_FFFEL;

    private static final List<String> WORD_PARTS = List.of(
            "[Content_Types].xml",
            "<Types><Override PartName=\"/word/document.xml\""
                    + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main"
                    + "+xml\"/></Types>",
            "_rels/.rels",
            "<Relationships/>",
            "word/document.xml",
            "<w:document/>");

    private SampleFiles() {}

    /** A one-page PDF showing the text, with its cross-reference table, trailer, {@code startxref} and end. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A web page that starts as a PDF: {@code %PDF-1.7}, the markup, then the rest of a real PDF, its end included,
     * as a penetration test uploaded it (issue 15, finding 7).
     */
    public static byte[] pdfHeaderThenWebPage(String markup) {
        byte[] pdf = pdf("report");
        return concat(ascii("%PDF-1.7\n" + markup + "\n"), Arrays.copyOfRange(pdf, "%PDF-1.4\n".length(), pdf.length));
    }

    /** An MP4 of the brand: {@code ftyp}, then {@code moov} (its movie header) and {@code mdat}. */
    public static byte[] mp4(String brand) {
        return concat(
                box("ftyp", ascii(brand), new byte[4], ascii(brand + "iso2avc1mp41")),
                box("moov", box("mvhd", new byte[100])),
                box("mdat", new byte[64]));
    }

    /** An ISO media box: its size, its type, its content. */
    public static byte[] box(String type, byte[]... content) {
        byte[] body = concat(content);
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), ascii(type), body);
    }

    /** A WebM video: the EBML header naming {@code webm}, then an (empty) segment. */
    public static byte[] webm() {
        byte[] docType = concat(new byte[] {0x42, (byte) 0x82, (byte) 0x84}, ascii("webm"));
        byte[] version = {0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85, (byte) 0x81, 0x02};
        byte[] header = concat(docType, version);
        return concat(
                new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) (0x80 | header.length)},
                header,
                new byte[] {0x18, 0x53, (byte) 0x80, 0x67, (byte) 0x88},
                new byte[8]);
    }

    /** A one-pixel PNG, as an image editor writes it. */
    public static byte[] png() {
        return java.util.HexFormat.of()
                .parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");
    }

    /** A Word document's package: its content types, relationships and main part, then any further entries. */
    public static byte[] docx(String... moreNamesAndContents) {
        List<String> entries = new ArrayList<>(WORD_PARTS);
        entries.addAll(List.of(moreNamesAndContents));
        return zip(entries.toArray(String[]::new));
    }

    /** A ZIP of the named entries, each deflated, in the order given. */
    public static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A Word document of about 4 MB whose first entry, {@code word/media/image1.png}, inflates to {@value
     * #BOMB_INFLATED_SIZE} zero bytes, as its headers truly declare (CRC included): a reader that inflates it spends
     * seconds of CPU and 4 GiB of output. Made without ever holding more than 16 MiB: deflate compresses zeros about
     * 1,000 to 1, and a fully flushed chunk of deflated zeros can be repeated, each copy inflating to the same
     * zeros. The entry is first written as stored bytes (so that {@link ZipOutputStream} lays the archive out), then
     * its method and sizes are set to what the bytes are: deflated, inflating to {@value #BOMB_INFLATED_SIZE}.
     */
    public static byte[] zipBomb() {
        int chunk = 16 << 20;
        int chunks = (int) ((BOMB_INFLATED_SIZE + chunk - 1) / chunk);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] repeated = deflatedZeros(chunk, false);
        for (int i = 1; i < chunks; i++) {
            deflated.writeBytes(repeated);
        }
        deflated.writeBytes(deflatedZeros((int) (BOMB_INFLATED_SIZE - (long) chunk * (chunks - 1)), true));
        byte[] data = deflated.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry bomb = new ZipEntry("word/media/image1.png");
            bomb.setMethod(ZipEntry.STORED);
            bomb.setSize(data.length);
            bomb.setCompressedSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            bomb.setCrc(crc.getValue());
            zip.putNextEntry(bomb);
            zip.write(data);
            zip.closeEntry();
            for (int i = 0; i < WORD_PARTS.size(); i += 2) {
                zip.putNextEntry(new ZipEntry(WORD_PARTS.get(i)));
                zip.write(WORD_PARTS.get(i + 1).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer zip = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        int crcOfZeros = (int) zeroCrc(BOMB_INFLATED_SIZE);
        // the local header, at 0: method at 8, CRC at 14, inflated size at 22
        zip.putShort(8, (short) ZipEntry.DEFLATED).putInt(14, crcOfZeros).putInt(22, (int) BOMB_INFLATED_SIZE);
        // the first central header, where the end record says: method at 10, CRC at 16, inflated size at 24
        int central = zip.getInt(zip.capacity() - 22 + 16);
        zip.putShort(central + 10, (short) ZipEntry.DEFLATED)
                .putInt(central + 16, crcOfZeros)
                .putInt(central + 24, (int) BOMB_INFLATED_SIZE);
        return zip.array();
    }

    /** Raw deflate of that many zeros at best compression: the last block, or a full flush others can follow. */
    private static byte[] deflatedZeros(int count, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            byte[] zeros = new byte[1 << 20];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int left = count; left > 0; left -= zeros.length) {
                deflater.setInput(zeros, 0, Math.min(left, zeros.length));
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
                }
            }
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int written;
                do {
                    written = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                    out.write(buffer, 0, written);
                } while (written == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static long zeroCrc(long count) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, (int) Math.min(left, zeros.length));
        }
        return crc.getValue();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
