package org.awardinghub.api.candidate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Reads a bulk-registration file: UTF-8 with or without a byte-order mark, CRLF or LF line ends, fields quoted
 * with {@code "} when they hold commas, quotes or line breaks (RFC 4180). The header names the columns; their
 * order is free. Line numbers are the file's own, header included, as a spreadsheet would show them.
 */
public final class CandidateCsv {

    public static final List<String> COLUMNS =
            List.of("firstName", "lastName", "dateOfBirth", "uln", "qualificationCode", "startDate");

    /** Set on a line that has more or fewer fields than the header: how many it has. */
    public static final String FIELD_COUNT = "#fields";

    /** One data line: its line number in the file and its values by column name. */
    public record Line(int number, Map<String, String> values) {
        public String get(String column) {
            return values.get(column);
        }
    }

    private CandidateCsv() {}

    public static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("file", "is not UTF-8 text; save the spreadsheet as CSV UTF-8");
        }
    }

    /** The data lines; refuses a file whose header is wrong or which has more lines than allowed. */
    public static List<Line> parse(String text, int maxLines) {
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw ApiProblem.badRequest(
                    "file", "is empty; the first line must be the header " + String.join(",", COLUMNS));
        }
        List<String> header =
                records.get(0).fields().stream().map(String::strip).toList();
        List<String> missing = COLUMNS.stream()
                .filter(c -> header.stream().noneMatch(h -> h.equalsIgnoreCase(c)))
                .toList();
        List<String> unknown = header.stream()
                .filter(h -> COLUMNS.stream().noneMatch(c -> c.equalsIgnoreCase(h)))
                .toList();
        if (!missing.isEmpty() || !unknown.isEmpty() || header.size() != COLUMNS.size()) {
            throw ApiProblem.badRequest(
                    "header",
                    "must name the columns " + String.join(",", COLUMNS)
                            + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                            + (unknown.isEmpty() ? "" : "; unknown " + String.join(", ", unknown)));
        }
        List<String> columns = header.stream()
                .map(h -> COLUMNS.stream()
                        .filter(c -> c.equalsIgnoreCase(h))
                        .findFirst()
                        .orElseThrow())
                .toList();
        List<Record> data = records.subList(1, records.size()).stream()
                .filter(r -> !r.blank())
                .toList();
        if (data.size() > maxLines) {
            throw new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Too many lines",
                    "A file may hold at most " + maxLines + " candidates; this one holds " + data.size()
                            + ". Split it into several files.",
                    List.of());
        }
        List<Line> lines = new ArrayList<>(data.size());
        for (Record record : data) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(
                        columns.get(i),
                        i < record.fields().size() ? record.fields().get(i) : null);
            }
            if (record.fields().size() != columns.size()) {
                values.put(FIELD_COUNT, String.valueOf(record.fields().size()));
            }
            lines.add(new Line(record.line(), values));
        }
        return lines;
    }

    private record Record(int line, List<String> fields) {
        boolean blank() {
            return fields.stream().allMatch(f -> f.isBlank());
        }
    }

    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.toString().isBlank()) {
                        field.setLength(0);
                        quoted = true;
                    } else {
                        field.append(c);
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                case '\r' -> {
                    // CRLF or a lone CR: the line ends at the LF, or here
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        fields.add(field.toString());
                        field.setLength(0);
                        records.add(new Record(recordLine, fields));
                        fields = new ArrayList<>();
                        line++;
                        recordLine = line;
                    }
                }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    records.add(new Record(recordLine, fields));
                    fields = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
                default -> field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw ApiProblem.badRequest("file", "line " + recordLine + " opens a quoted field that never closes");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }
}
