package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.api.files.SampleFiles.ascii;
import static org.awardinghub.api.files.SampleFiles.box;
import static org.awardinghub.api.files.SampleFiles.concat;
import static org.awardinghub.api.files.SampleFiles.docx;
import static org.awardinghub.api.files.SampleFiles.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files told apart by their content: the accepted kinds recognised by their signatures and their structure, and
 * refused when the structure is missing, when something else hides behind the signature (a web page, a program, a
 * macro), or when an archive would inflate beyond reason; every check at a bounded cost, whatever the file.
 */
class FileTypesTest {

    private static final String EXE = "MZ\u0090\0\u0003\0\0\0\u0004\0This program cannot be run in DOS mode.";
    private static final String ELF = "\u007fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0";

    @Test
    void givenTheAcceptedKindsAsTheirFormatsDefineThem_whenDetected_thenEachRecognised() {
        assertThat(FileTypes.detect(SampleFiles.pdf("Inspection report"))).contains(FileTypes.PDF);
        assertThat(FileTypes.detect(SampleFiles.png())).contains(FileTypes.PNG);
        assertThat(FileTypes.detect(padded(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})))
                .contains(FileTypes.JPEG);
        assertThat(FileTypes.detect(padded("GIF89a"))).contains(FileTypes.GIF);
        assertThat(FileTypes.detect(padded("RIFF\u0038\0\0\0WEBPVP8 "))).contains(FileTypes.WEBP);
        assertThat(FileTypes.detect(SampleFiles.mp4("mp42"))).contains(FileTypes.MP4);
        assertThat(FileTypes.detect(SampleFiles.mp4("qt  "))).contains(FileTypes.QUICKTIME);
        assertThat(FileTypes.detect(SampleFiles.webm())).contains(FileTypes.WEBM);
        assertThat(FileTypes.detect(padded(new byte[] {
                    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                })))
                .contains(FileTypes.OLE);
    }

    @Test
    void givenOfficePackages_whenDetected_thenWordExcelPowerPointAndOpenDocumentTold() {
        assertThat(FileTypes.detect(docx())).contains(FileTypes.DOCX);
        assertThat(FileTypes.detect(docx("word/media/image1.png", "\u0089PNG\r\n\u001a\n")))
                .contains(FileTypes.DOCX);
        assertThat(FileTypes.detect(zip("xl/workbook.xml", "<x/>", "[Content_Types].xml", "<Types/>")))
                .contains(FileTypes.XLSX);
        assertThat(FileTypes.detect(zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")))
                .contains(FileTypes.PPTX);
        assertThat(FileTypes.detect(zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<o/>"))
                        .map(FileTypes.FileType::extension))
                .contains("odt");
    }

    @Test
    void givenAnOpenDocumentAsItsStandardWritesIt_whenDetected_thenToldByItsMimetype() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<o/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(FileTypes.detect(out.toByteArray()))
                .contains(new FileTypes.FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "document"));
    }

    @Test
    void givenAnythingElse_whenDetected_thenNotRecognised() {
        assertRefused(zip("payload.exe", "MZ", "readme.txt", "hello"));
        assertRefused(zip("readme.txt", "hello", "notes/list.txt", "a list")).as("a bare ZIP");
        assertRefused(padded(EXE)).as("a Windows program, whatever its name");
        assertRefused(padded("<html><script>"));
        assertRefused(padded("PK\u0003\u0004 truncated")).as("a broken ZIP");
        assertThat(FileTypes.detect(new byte[3])).isEmpty();
        assertThat(FileTypes.detect(null)).isEmpty();
    }

    @Test
    void givenIsoMediaFiles_whenDetected_thenMp4OrQuickTimeByBrandAndStillPhotosNot() {
        assertThat(FileTypes.detect(SampleFiles.mp4("isom")))
                .as("the usual MP4 brand, which Tika core alone would call QuickTime")
                .contains(FileTypes.MP4);
        assertThat(FileTypes.detect(SampleFiles.mp4("3gp4"))).contains(FileTypes.MP4);
        assertRefused(SampleFiles.mp4("heic")).as("a HEIC photo is not a video");
        assertRefused(concat(box("moov", box("mvhd", new byte[100])), box("mdat", new byte[64])))
                .as("no ftyp box first");
    }

    /** Finding 3 of issue 15: a 4 MB document whose first entry inflates to 4 GiB cost 11 s of CPU per upload. */
    @Nested
    class ArchivesAreReadFromTheirCentralDirectoryAtABoundedCost {

        @Test
        void givenAWordDocumentWhoseFirstEntryInflatesTo4GiB_whenDetected_thenRefusedWithoutInflatingIt() {
            byte[] bomb = SampleFiles.zipBomb();

            assertThat(bomb.length).isLessThan(5 << 20);
            assertRefused(bomb).contains("word/media/image1.png").contains("100");
        }

        @Test
        void givenAnEntryDeflatedMoreThanAHundredToOne_whenDetected_thenRefused() {
            String zeros = "\0".repeat(1 << 20);

            assertRefused(docx("word/media/image1.png", zeros)).contains("word/media/image1.png");
        }

        @Test
        void givenEntriesDeclaringMoreThanAGibibyteInAll_whenDetected_thenRefused() {
            Random random = new Random(15);
            List<String> entries = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                byte[] noise = new byte[1 << 20];
                random.nextBytes(noise);
                entries.add("word/media/image" + i + ".png");
                entries.add(new String(noise, StandardCharsets.ISO_8859_1));
            }
            byte[] document = docx(entries.toArray(String[]::new));
            for (int i = 1; i <= 11; i++) {
                document = declaringInflatedSize(document, "word/media/image" + i + ".png", 100L << 20);
            }

            assertRefused(document).contains("1 GiB");
        }

        @Test
        void givenMoreThanTenThousandEntries_whenDetected_thenRefused() {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                entries.add("word/media/image" + i + ".png");
                entries.add("");
            }

            assertRefused(docx(entries.toArray(String[]::new))).contains("10,000");
        }

        @Test
        void givenBytesAppendedAfterTheArchive_whenDetected_thenRefused() {
            assertRefused(concat(docx(), ascii(EXE))).as("a program after the end of the archive");
        }

        @Test
        void givenTwoEntriesOfTheSameName_whenDetected_thenRefused() {
            assertRefused(docx("WORD/document.xml", "<w:document>another</w:document>"))
                    .contains("WORD/document.xml");
        }
    }

    /** Finding 7 of issue 15: a Word document carrying a program was taken for a Word document. */
    @Nested
    class OfficePackagesAreWhatTheyClaim {

        @Test
        void givenAPackageWithoutItsMainPart_whenDetected_thenRefused() {
            assertRefused(zip("[Content_Types].xml", "<Types/>", "word/styles.xml", "<w/>"))
                    .as("no word/document.xml");
            assertRefused(zip("[Content_Types].xml", "<Types/>", "xl/styles.xml", "<x/>"))
                    .as("no xl/workbook.xml");
            assertRefused(zip("[Content_Types].xml", "<Types/>", "ppt/slides/slide1.xml", "<p/>"))
                    .as("no ppt/presentation.xml");
            assertRefused(zip("word/document.xml", "<w/>")).as("no [Content_Types].xml");
            assertRefused(zip("mimetype", "application/vnd.oasis.opendocument.text", "styles.xml", "<o/>"))
                    .as("no content.xml");
        }

        @ParameterizedTest
        @ValueSource(strings = {"exe", "dll", "bat", "cmd", "js", "vbs", "sh", "jar", "msi", "ps1", "EXE"})
        void givenAWordDocumentCarryingAProgramOrScriptByName_whenDetected_thenRefused(String extension) {
            assertRefused(docx("word/embeddings/setup." + extension, "harmless words"))
                    .contains("word/embeddings/setup." + extension);
        }

        @ParameterizedTest
        @ValueSource(strings = {EXE, ELF, "#!/bin/sh\nrm -rf ~\n"})
        void givenAWordDocumentCarryingAProgramOrScriptByItsBytes_whenDetected_thenRefused(String program) {
            assertRefused(docx("word/media/image1.png", program)).contains("word/media/image1.png");
        }

        @Test
        void givenMacros_whenDetected_thenRefused() {
            assertRefused(docx("word/vbaProject.bin", "\u00d0\u00cf\u0011\u00e0"))
                    .contains("macro");
            assertRefused(zip(
                            "[Content_Types].xml",
                            "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                                    + "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
                            "word/document.xml",
                            "<w/>"))
                    .as("a macro-enabled document, even before its first macro")
                    .contains("macro");
            assertRefused(zip(
                            "[Content_Types].xml",
                            "<Types/>",
                            "xl/workbook.xml",
                            "<x/>",
                            "xl/macrosheets/sheet1.xml",
                            "<xm/>"))
                    .as("an Excel 4.0 macro sheet")
                    .contains("macro");
            assertRefused(zip(
                            "mimetype",
                            "application/vnd.oasis.opendocument.text",
                            "content.xml",
                            "<o/>",
                            "Basic/Standard/Module1.xml",
                            "<script:module/>"))
                    .as("an OpenDocument's Basic macro")
                    .contains("macro");
        }
    }

    /** Finding 7 of issue 15: {@code %PDF-} followed by a web page was taken for a PDF. */
    @Nested
    class PdfsHaveTheStructureOfAPdf {

        @Test
        void givenAWebPageAfterThePdfHeader_whenDetected_thenRefused() {
            for (String markup : List.of(
                    "<html><body>Sign in again</body></html>",
                    "<script>fetch('/api/me')</script>",
                    "<!DOCTYPE html><p>Hello</p>",
                    "<HTML><BODY>shouting</BODY></HTML>")) {
                byte[] disguised = SampleFiles.pdfHeaderThenWebPage(markup);

                assertRefused(disguised).as(markup).contains("markup");
            }
        }

        @Test
        void givenAPdfHeaderWithoutTheEndOfAPdf_whenDetected_thenRefused() {
            assertRefused(padded("%PDF-1.7\n")).as("no %%EOF, no startxref");
            assertRefused(ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
                    .as("no startxref")
                    .contains("startxref");
            byte[] pdf = SampleFiles.pdf("cut short");
            assertRefused(Arrays.copyOf(pdf, pdf.length - 7)).as("no %%EOF").contains("%%EOF");
        }
    }

    /** Finding 7 of issue 15: an MP4 header followed by a web page and a program was taken for a video. */
    @Nested
    class ImagesAndVideosHaveNothingElseBehindTheirHeader {

        @Test
        void givenAnMp4HeaderFollowedByAWebPageAndAProgram_whenDetected_thenRefused() {
            byte[] ftyp = box("ftyp", ascii("mp42"), new byte[4], ascii("mp42isom"));

            assertRefused(concat(ftyp, ascii("<html><script>alert(1)</script></html>"), ascii(EXE)));
        }

        @Test
        void givenAnMp4WithoutAMovie_whenDetected_thenRefused() {
            assertRefused(concat(box("ftyp", ascii("mp42"), new byte[4], ascii("mp42")), box("mdat", new byte[64])))
                    .contains("moov");
        }

        @Test
        void givenAWebPageOrAProgramInABoxOfAnMp4_whenDetected_thenRefused() {
            byte[] ftyp = box("ftyp", ascii("isom"), new byte[4], ascii("isom"));
            byte[] movie = box("moov", box("mvhd", new byte[100]));

            assertRefused(concat(ftyp, box("free", ascii("<html><script>alert(1)</script>")), movie))
                    .contains("markup");
            assertRefused(concat(ftyp, box("free", ascii(EXE + "\0".repeat(64))), movie))
                    .contains("program");
            assertRefused(concat(ftyp, box("free", ascii(ELF)), movie)).contains("program");
        }

        @Test
        void givenAWebPageOrAProgramRightAfterAnImageHeader_whenDetected_thenRefused() {
            byte[] png = SampleFiles.png();
            assertRefused(concat(Arrays.copyOf(png, 33), ascii("<html><script>alert(1)</script></html>")))
                    .contains("markup");
            assertRefused(padded("GIF89a\u0001\0\u0001\0<script>alert(1)</script>"))
                    .contains("markup");
            assertRefused(padded("\u00ff\u00d8\u00ff\u00fe\0\u0020<!DOCTYPE html><p>hi</p>"))
                    .contains("markup");
            assertRefused(padded("RIFF\u0038\0\0\0WEBPVP8 " + ELF)).contains("program");
        }

        @Test
        void givenAPngSignatureWithoutItsHeaderChunk_whenDetected_thenRefused() {
            assertRefused(padded("\u0089PNG\r\n\u001a\n")).contains("PNG");
        }

        @Test
        void givenAWebMHeaderFollowedByAWebPage_whenDetected_thenRefused() {
            assertRefused(padded("\u001a\u0045\u00df\u00a3<html><script>alert(1)</script></html>"));
            byte[] webm = SampleFiles.webm();
            assertRefused(concat(Arrays.copyOf(webm, webm.length - 8), ascii("<script>alert(1)</script>")))
                    .contains("markup");
        }
    }

    /** The ZIP with the central directory's inflated size of the named entry set to a size it does not have. */
    private static byte[] declaringInflatedSize(byte[] zip, String name, long size) {
        ByteBuffer bytes = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int entry = bytes.getInt(zip.length - 22 + 16);
        while (bytes.getInt(entry) == 0x02014b50) {
            int nameLength = Short.toUnsignedInt(bytes.getShort(entry + 28));
            if (name.equals(new String(zip, entry + 46, nameLength, StandardCharsets.UTF_8))) {
                bytes.putInt(entry + 24, (int) size);
            }
            entry += 46
                    + nameLength
                    + Short.toUnsignedInt(bytes.getShort(entry + 30))
                    + Short.toUnsignedInt(bytes.getShort(entry + 32));
        }
        return bytes.array();
    }

    /** Asserts the bytes are refused; then what the uploader is told, to be asserted in turn. */
    private static AbstractStringAssert<?> assertRefused(byte[] bytes) {
        assertThat(FileTypes.detect(bytes)).isEmpty();
        try {
            FileTypes.FileType accepted = FileTypes.kindOf(bytes);
            throw new AssertionError("accepted as " + accepted);
        } catch (FileTypes.NotAccepted refused) {
            return assertThat(refused.getMessage());
        }
    }

    private static byte[] padded(String text) {
        return padded(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] padded(byte[] head) {
        byte[] bytes = new byte[Math.max(64, head.length)];
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
