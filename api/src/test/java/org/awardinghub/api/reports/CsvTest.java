package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void givenCellsThatNeedQuotes_whenWritten_thenQuotedWithDoubledQuotesAndCrlfEnds() {
        var file = Csv.file(
                "report",
                List.of("id", "name", "note"),
                List.of(List.of("c-1", "Smith, Jr", "say \"hi\""), List.of("c-2", "Ann\nMarie", "")));

        assertThat(file.getBody())
                .isEqualTo("id,name,note\r\nc-1,\"Smith, Jr\",\"say \"\"hi\"\"\"\r\nc-2,\"Ann\nMarie\",\r\n");
        assertThat(file.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(file.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"report.csv\"");
    }

    @Test
    void givenCellsASpreadsheetWouldRunAsFormulas_whenWritten_thenDefusedButNumbersKept() {
        var file = Csv.file(
                "report",
                List.of("a", "b", "c", "d", "e", "f"),
                List.of(List.of("x", "=1+1", "+44 20", "-cmd", "@SUM(A1)", "-1.5")));

        assertThat(file.getBody().split("\r\n")[1]).isEqualTo("x,'=1+1,'+44 20,'-cmd,'@SUM(A1),-1.5");
    }

    @Test
    void givenCellsHoldingControlOrFormattingCharacters_whenWritten_thenEachReplacedAndOnlyTheLineBreaksKept() {
        var file = Csv.file(
                "report",
                List.of("name", "note"),
                List.of(List.of("Ann\u0000Smith\u001B[2J", "\u202Eevil\u0085\u007F\u200B\tend\r\nnext line")));

        assertThat(file.getBody())
                .isEqualTo("name,note\r\n"
                        + "Ann\uFFFDSmith\uFFFD[2J,\"\uFFFDevil\uFFFD\uFFFD\uFFFD end\r\nnext line\"\r\n");
    }

    @Test
    void givenTextOfOtherScriptsAndJoiners_whenWritten_thenKeptAsItIs() {
        var file = Csv.file("report", List.of("name"), List.of(List.of("می\u200Cخواهم Zoë 王小明")));

        assertThat(file.getBody()).isEqualTo("name\r\nمی\u200Cخواهم Zoë 王小明\r\n");
    }

    @Test
    void givenNoValue_whenWritten_thenAnEmptyCell() {
        var file = Csv.file("report", List.of("a", "b"), List.of(Arrays.asList("x", null)));

        assertThat(file.getBody()).isEqualTo("a,b\r\nx,\r\n");
    }
}
