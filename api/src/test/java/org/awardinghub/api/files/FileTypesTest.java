package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Files told apart by their bytes: the accepted kinds recognised, a renamed or bare ZIP or program refused. */
class FileTypesTest {

    @Test
    void givenTheSignaturesOfTheAcceptedKinds_whenDetected_thenEachRecognised() {
        assertThat(FileTypes.detect(padded("%PDF-1.7\n"))).contains(FileTypes.PDF);
        assertThat(FileTypes.detect(padded(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})))
                .contains(FileTypes.PNG);
        assertThat(FileTypes.detect(padded(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})))
                .contains(FileTypes.JPEG);
        assertThat(FileTypes.detect(padded("GIF89a"))).contains(FileTypes.GIF);
        assertThat(FileTypes.detect(padded("RIFF\0\0\0\0WEBPVP8 "))).contains(FileTypes.WEBP);
        assertThat(FileTypes.detect(padded("\0\0\0\u0018ftypmp42"))).contains(FileTypes.MP4);
        assertThat(FileTypes.detect(padded("\0\0\0\u0014ftypqt  "))).contains(FileTypes.QUICKTIME);
        assertThat(FileTypes.detect(padded(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})))
                .contains(FileTypes.WEBM);
        assertThat(FileTypes.detect(padded(new byte[] {
                    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                })))
                .contains(FileTypes.OLE);
    }

    @Test
    void givenOfficePackages_whenDetected_thenWordExcelPowerPointAndOpenDocumentTold() throws IOException {
        assertThat(FileTypes.detect(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>")))
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
    void givenAnythingElse_whenDetected_thenNotRecognised() throws IOException {
        assertThat(FileTypes.detect(zip("payload.exe", "MZ", "readme.txt", "hello")))
                .as("a bare ZIP")
                .isEmpty();
        assertThat(FileTypes.detect(padded("MZ\u0090\0")))
                .as("a Windows program, whatever its name")
                .isEmpty();
        assertThat(FileTypes.detect(padded("<html><script>"))).isEmpty();
        assertThat(FileTypes.detect(padded("PK\u0003\u0004 truncated")))
                .as("a broken ZIP")
                .isEmpty();
        assertThat(FileTypes.detect(new byte[3])).isEmpty();
        assertThat(FileTypes.detect(null)).isEmpty();
    }

    @Test
    void givenIsoMediaFiles_whenDetected_thenMp4OrQuickTimeByBrandAndStillPhotosNot() {
        assertThat(FileTypes.detect(padded("\0\0\0\u0018ftypisom")))
                .as("the usual MP4 brand, which Tika core alone would call QuickTime")
                .contains(FileTypes.MP4);
        assertThat(FileTypes.detect(padded("\0\0\0\u0018ftyp3gp4"))).contains(FileTypes.MP4);
        assertThat(FileTypes.detect(padded("\0\0\0\u0018ftypheic")))
                .as("a HEIC photo is not a video")
                .isEmpty();
        assertThat(FileTypes.detect(padded("\0\0\0\u0008moov")))
                .as("no ftyp box first")
                .isEmpty();
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

    private static byte[] padded(String text) {
        return padded(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] padded(byte[] head) {
        byte[] bytes = new byte[64];
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
