package org.awardinghub.api.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Reports as CSV (RFC 4180, CRLF, UTF-8) when asked for with {@code Accept: text/csv}: cells quoted when they need
 * it, and a leading formula character defused for spreadsheets. Every report's CSV is written here, the personnel
 * reports' too; Apache Commons CSV's printer writes it (ADR 0132).
 */
public final class Csv {

    /** RFC 4180: comma, {@code "} quotes only where needed, CRLF after every row. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {}

    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    public static ResponseEntity<String> file(String name, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::defused));
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::defused));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(out.toString());
    }

    public static String decimal(Double value, int places) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /**
     * A cell a spreadsheet would take for a formula ({@code = + - @} first) gets a leading {@code '}, unless it is a
     * plain number such as {@code -1.5}. Commons CSV has no such guard, so it stays here.
     */
    private static String defused(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+") ? "'" + text : text;
    }
}
