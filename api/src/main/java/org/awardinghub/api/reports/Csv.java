package org.awardinghub.api.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.awardinghub.command.Text;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Reports as CSV (RFC 4180, CRLF, UTF-8) when asked for with {@code Accept: text/csv}: cells quoted when they need
 * it, a leading formula character defused for spreadsheets, and no control or invisible formatting character but
 * the line breaks of text of several lines (ADR 0139). Every report's CSV is written here, the personnel reports'
 * too; Apache Commons CSV's printer writes it (ADR 0132).
 */
public final class Csv {

    /** RFC 4180: comma, {@code "} quotes only where needed, CRLF after every row. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private static final char REPLACEMENT = '\uFFFD';

    private Csv() {}

    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    public static ResponseEntity<String> file(String name, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::cell));
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell));
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

    private static String cell(String value) {
        return defused(shown(value == null ? "" : value));
    }

    /**
     * The text with each character that no text may now hold (ADR 0139) as U+FFFD, and a tab as a space: text is
     * checked when it is written, but events recorded before the rule may still hold a NUL or an override. Line
     * breaks stay, inside the quoted cell, as RFC 4180 writes them.
     */
    private static String shown(String text) {
        if (text.codePoints().allMatch(Csv::kept)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(kept(c) ? c : c == '\t' ? ' ' : REPLACEMENT));
        return shown.toString();
    }

    private static boolean kept(int c) {
        return c != '\t' && Text.allowedInLines(c);
    }

    /**
     * A cell a spreadsheet would take for a formula ({@code = + - @} first) gets a leading {@code '}, unless it is a
     * plain number such as {@code -1.5}. Commons CSV has no such guard, so it stays here.
     */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+") ? "'" + text : text;
    }
}
