package org.awardinghub.api.certification;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A printable certificate: one A4 landscape page with the holder's name as printed, the qualification, the issue
 * date, the certificate number and verification code, and a QR code of the public verification link, drawn as
 * vector squares so it prints sharp at any size. The text font is Liberation Sans, which PDFBox itself ships and
 * which is embedded (as a subset), so names in Latin, Greek and Cyrillic scripts print as registered; a character
 * the font lacks prints as "?" rather than failing the certificate.
 */
@Component
class CertificatePdf {

    /** What goes on the certificate. */
    public record Content(
            String certificateNumber,
            String verificationCode,
            String holderName,
            String qualificationCode,
            String qualificationTitle,
            int level,
            LocalDate issuedOn,
            String verificationLink) {}

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Color INK = new Color(0x1f, 0x2a, 0x44);
    private static final float QR_SIZE = 130;

    public byte[] render(Content content) {
        try (PDDocument document = new PDDocument();
                InputStream fontFile = CertificatePdf.class.getResourceAsStream(FONT)) {
            PDFont font = PDType0Font.load(document, fontFile);
            PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4Landscape);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Certificate " + content.certificateNumber());
            info.setSubject(content.qualificationTitle());
            info.setCreator("Awarding Hub");
            float width = a4Landscape.getWidth();
            float height = a4Landscape.getHeight();
            try (PDPageContentStream page1 = new PDPageContentStream(document, page)) {
                page1.setStrokingColor(INK);
                page1.setLineWidth(3);
                page1.addRect(24, 24, width - 48, height - 48);
                page1.stroke();
                page1.setLineWidth(0.8f);
                page1.addRect(32, 32, width - 64, height - 64);
                page1.stroke();
                page1.setNonStrokingColor(INK);
                centred(page1, font, 14, "AWARDING HUB", width, height - 80);
                centred(page1, font, 34, "Certificate of Achievement", width, height - 130);
                centred(page1, font, 14, "This is to certify that", width, height - 180);
                centred(page1, font, 30, content.holderName(), width, height - 225);
                centred(page1, font, 14, "has achieved", width, height - 265);
                centred(
                        page1,
                        font,
                        20,
                        content.qualificationTitle() + " (Level " + content.level() + ")",
                        width,
                        height - 300);
                centred(page1, font, 12, "Qualification " + content.qualificationCode(), width, height - 322);
                centred(page1, font, 14, "Issued on " + DATE.format(content.issuedOn()), width, height - 360);
                left(page1, font, 11, "Certificate number: " + content.certificateNumber(), 60, 110);
                left(page1, font, 11, "Verification code: " + content.verificationCode(), 60, 92);
                left(page1, font, 9, "Check this certificate at " + content.verificationLink(), 60, 70);
                qrCode(page1, content.verificationLink(), width - 60 - QR_SIZE, 52);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render certificate " + content.certificateNumber(), e);
        }
    }

    private static void centred(
            PDPageContentStream stream, PDFont font, float size, String text, float pageWidth, float y)
            throws IOException {
        String printable = printable(font, text);
        float textWidth = font.getStringWidth(printable) / 1000 * size;
        left(stream, font, size, printable, (pageWidth - textWidth) / 2, y);
    }

    private static void left(PDPageContentStream stream, PDFont font, float size, String text, float x, float y)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text));
        stream.endText();
    }

    /** The text with every character the font cannot show replaced by "?". */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The link as a QR code (error correction M, quiet zone included), one filled square per dark module. */
    private static void qrCode(PDPageContentStream stream, String link, float x, float y) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            link,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("The verification link does not fit a QR code: " + link, e);
        }
        float module = QR_SIZE / matrix.getWidth();
        stream.setNonStrokingColor(Color.WHITE);
        stream.addRect(x, y, QR_SIZE, QR_SIZE);
        stream.fill();
        stream.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    stream.addRect(x + column * module, y + QR_SIZE - (row + 1) * module, module, module);
                }
            }
        }
        stream.fill();
    }
}
