package org.awardinghub.api.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Reports as CSV (RFC 4180, CRLF, UTF-8) when asked for with {@code Accept: text/csv}: cells quoted when they need
 * it, and a leading formula character defused for spreadsheets. Every report's CSV is written here, the personnel
 * reports' too.
 */
public final class Csv {

    private Csv() {}

    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    public static ResponseEntity<String> file(String name, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(row)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(out.toString());
    }

    public static String decimal(Double value, int places) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
    }

    private static String cell(String value) {
        String text = value == null ? "" : value;
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")
                ? "'" + text
                : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
