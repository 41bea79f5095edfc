package org.awardinghub.api.candidate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awardinghub.api.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Reads a bulk-registration file: UTF-8 with or without a byte-order mark, CRLF or LF line ends, fields quoted
 * with {@code "} when they hold commas, quotes or line breaks (RFC 4180). The header names the columns; their
 * order is free. Line numbers are the file's own, header included, as a spreadsheet would show them. Apache
 * Commons CSV reads the records (ADR 0132); the header checks, the limit and the messages are this class's.
 */
final class CandidateCsv {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

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
        /** An empty line comes as a record of no fields; a line of commas as blank fields: both are skipped. */
        boolean blank() {
            return fields.stream().allMatch(f -> f.isBlank());
        }
    }

    /**
     * Every record of the file with the line it starts on. Commons CSV reads the fields (RFC 4180, with text after a
     * closing quote kept, as a spreadsheet would, and empty lines kept so that the line numbers stay the file's own);
     * the line a record starts on is the count of line ends read before it, plus one.
     */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (true) {
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                try {
                    if (!iterator.hasNext()) {
                        return records;
                    }
                    records.add(new Record(line, iterator.next().toList()));
                } catch (UncheckedIOException e) {
                    // the only error left with this format: a quote opened and never closed before the end
                    throw ApiProblem.badRequest("file", "line " + line + " opens a quoted field that never closes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
