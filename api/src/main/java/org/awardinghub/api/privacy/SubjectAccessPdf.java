package org.awardinghub.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * A subject access export as a PDF for a person to read: the same content as the JSON, in the same order, on A4
 * pages, with PDFBox and the Liberation Sans font it ships (embedded as a subset), as the certificates are printed
 * ({@code CertificatePdf}). Each event is its plain-English sentence, then its fields one per line; each read model is
 * its fields one per line, nested ones by their path. A character the font lacks prints as "?".
 */
@Component
class SubjectAccessPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float TITLE = 18;
    private static final float HEADING = 13;
    private static final float TEXT = 10;
    private static final float SMALL = 8;

    private final ObjectMapper json;

    SubjectAccessPdf(ObjectMapper json) {
        this.json = json;
    }

    byte[] render(SubjectAccessExport export) {
        try (PDDocument document = new PDDocument();
                InputStream fontFile = SubjectAccessPdf.class.getResourceAsStream(FONT)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Subject access export " + export.subject().id());
            info.setCreator("Awarding Hub");
            try (Pages pages = new Pages(document, PDType0Font.load(document, fontFile))) {
                write(pages, export);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not render the subject access export of "
                            + export.subject().id(),
                    e);
        }
    }

    private void write(Pages pages, SubjectAccessExport export) throws IOException {
        SubjectAccessExport.Subject subject = export.subject();
        pages.text(TITLE, 0, "Subject access export");
        pages.space(6);
        pages.text(
                TEXT,
                0,
                "Everything the Awarding Hub holds about one " + subject.type() + ", as at "
                        + SubjectAccessSentences.time(export.exportedAt()) + ".");
        pages.text(TEXT, 0, "Name: " + orNone(subject.name()) + (subject.erased() ? " (erased)" : ""));
        if (subject.registrationNumber() != null) {
            pages.text(TEXT, 0, "Registration number: " + subject.registrationNumber());
        }
        if (subject.pin() != null) {
            pages.text(TEXT, 0, "PIN: " + subject.pin());
        }
        pages.text(TEXT, 0, "Identifier: " + subject.id());
        pages.text(
                TEXT,
                0,
                "Exported by PIN " + export.exportedByPin()
                        + (export.reason() == null ? "" : ", for: " + export.reason()));

        SubjectAccessStatement statement = export.statement();
        pages.heading("About this export (UK GDPR Article 15)");
        pages.text(TEXT, 0, "Controller: " + statement.controller());
        list(pages, "Purposes", statement.purposes());
        list(pages, "Legal bases", statement.legalBases());
        list(pages, "Categories of personal data", statement.categories());
        list(pages, "Recipients", statement.recipients());
        pages.text(TEXT, 0, "How long it is kept: " + statement.retention());
        pages.text(TEXT, 0, "Where it came from: " + statement.source());
        pages.text(TEXT, 0, "Automated decisions: " + statement.automatedDecisions());
        pages.text(TEXT, 0, "Transfers abroad: " + statement.transfers());
        list(pages, "Your rights", statement.rights());

        pages.heading("What happened, oldest first (" + export.events().size() + " events)");
        for (SubjectAccessExport.Event event : export.events()) {
            pages.space(4);
            pages.text(TEXT, 0, SubjectAccessSentences.time(event.at()) + ": " + event.summary());
            pages.text(
                    SMALL,
                    12,
                    event.type() + ", " + event.recordType() + " " + event.recordId() + " #" + event.sequence()
                            + (event.clientAddress() == null ? "" : ", from " + event.clientAddress()));
            for (String line : lines(json.valueToTree(event.fields()))) {
                pages.text(SMALL, 12, line);
            }
        }

        if (!export.activity().isEmpty()) {
            pages.heading(
                    "Recorded under the PIN, oldest first (" + export.activity().size() + ")");
            for (SubjectAccessExport.Activity activity : export.activity()) {
                pages.text(
                        SMALL,
                        0,
                        SubjectAccessSentences.time(activity.at()) + ": " + activity.summary()
                                + (activity.recordId() == null
                                        ? ""
                                        : " (" + activity.recordType() + " " + activity.recordId() + ")"));
            }
        }

        pages.heading("Records held");
        for (SubjectAccessExport.ReadModel model : export.records()) {
            pages.space(4);
            pages.text(TEXT, 0, model.name() + ": " + model.description());
            if (model.items().isEmpty()) {
                pages.text(SMALL, 12, "(none)");
            }
            for (int i = 0; i < model.items().size(); i++) {
                if (model.items().size() > 1) {
                    pages.text(SMALL, 6, "#" + (i + 1));
                }
                for (String line : lines(json.valueToTree(model.items().get(i)))) {
                    pages.text(SMALL, 12, line);
                }
            }
        }

        pages.heading("Files (" + export.files().size() + ")");
        for (SubjectAccessExport.File file : export.files()) {
            pages.space(4);
            pages.text(TEXT, 0, file.purpose() + ": " + orNone(file.fileName()));
            pages.text(
                    SMALL,
                    12,
                    file.mediaType() + ", " + file.size() + " bytes, uploaded "
                            + SubjectAccessSentences.time(file.uploadedAt()) + (file.kept() ? "" : ", no longer kept"));
            pages.text(SMALL, 12, "SHA-256 " + file.sha256());
            pages.text(SMALL, 12, "Download: " + file.download());
        }

        pages.heading("Notes");
        for (String note : export.notes()) {
            pages.text(TEXT, 0, "- " + note);
        }
    }

    private static void list(Pages pages, String title, List<String> items) throws IOException {
        pages.text(TEXT, 0, title + ":");
        for (String item : items) {
            pages.text(TEXT, 12, "- " + item);
        }
    }

    /** The fields one per line, "name: value", nested ones by their path ("result.score", "marks[0].correct"). */
    static List<String> lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        flatten("", node, lines);
        return lines;
    }

    private static void flatten(String path, JsonNode node, List<String> lines) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> flatten(
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), lines));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                lines.add(path + ": (none)");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), lines);
            }
        } else {
            lines.add((path.isEmpty() ? "" : path + ": ") + (node.isNull() ? "(none)" : node.asText()));
        }
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(none)" : text;
    }

    /** The pages as they are written: a cursor going down, a new page when the next line does not fit. */
    private static final class Pages implements AutoCloseable {

        private final PDDocument document;
        private final PDFont font;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream stream;
        private float y;
        private int number;

        Pages(PDDocument document, PDFont font) {
            this.document = document;
            this.font = font;
        }

        void heading(String text) throws IOException {
            space(12);
            text(HEADING, 0, text);
            space(2);
        }

        void space(float points) {
            y -= points;
        }

        /** The text in the size, indented, wrapped at word boundaries (a word too long for a line is cut). */
        void text(float size, float indent, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            for (String paragraph : printable(text).split("\n", -1)) {
                for (String line : wrapped(paragraph, size, width)) {
                    if (stream == null || y - size * 1.3f < MARGIN) {
                        newPage();
                    }
                    y -= size * 1.3f;
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN + indent, y);
                    stream.showText(line);
                    stream.endText();
                }
            }
        }

        private List<String> wrapped(String paragraph, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width) {
                    int fits = 1;
                    while (fits < rest.length() && width(rest.substring(0, fits + 1), size) <= width) {
                        fits++;
                    }
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Line breaks kept, tabs and other control characters as spaces, what the font lacks as "?". */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (c == '\n') {
                    out.append('\n');
                } else if (c == '\r') {
                    // a CR LF is one break
                } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                    out.append(' ');
                } else if (printable.computeIfAbsent(c, this::canShow)) {
                    out.appendCodePoint(c);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean canShow(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            number++;
            stream = new PDPageContentStream(document, page);
            stream.beginText();
            stream.setFont(font, SMALL);
            stream.newLineAtOffset(MARGIN, MARGIN / 2);
            stream.showText("Subject access export, page " + number);
            stream.endText();
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
