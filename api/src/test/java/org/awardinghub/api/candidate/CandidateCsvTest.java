package org.awardinghub.api.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.awardinghub.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CandidateCsvTest {

    private static final String HEADER = "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate";

    @Test
    void givenBomCrlfAndQuotedFields_whenParsed_thenValuesAndLineNumbersAreThoseOfTheFile() {
        byte[] file = ("\uFEFF" + HEADER + "\r\n"
                        + "Zoë,\"O'Brien-Łukasiewicz\",2001-02-03,,LV2-MAINT,\r\n"
                        + "\"Smith, Jr\",\"Say \"\"Hi\"\"\",2000-01-01,9999999999,LV2-MAINT,2026-01-05\r\n")
                .getBytes(StandardCharsets.UTF_8);

        var lines = CandidateCsv.parse(CandidateCsv.decode(file), 10);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).get("firstName")).isEqualTo("Zoë");
        assertThat(lines.get(0).get("lastName")).isEqualTo("O'Brien-Łukasiewicz");
        assertThat(lines.get(0).get("uln")).isEmpty();
        assertThat(lines.get(1).get("firstName")).isEqualTo("Smith, Jr");
        assertThat(lines.get(1).get("lastName")).isEqualTo("Say \"Hi\"");
        assertThat(lines.get(1).get("startDate")).isEqualTo("2026-01-05");
    }

    @Test
    void givenColumnsInAnotherOrderAndLfEnds_whenParsed_thenMappedByHeader() {
        String file =
                "lastName,firstName,qualificationCode,dateOfBirth,startDate,uln\nDoe,Jane,MC2-MAINT,1999-12-31,,\n";

        var line = CandidateCsv.parse(file, 10).get(0);

        assertThat(line.get("firstName")).isEqualTo("Jane");
        assertThat(line.get("lastName")).isEqualTo("Doe");
        assertThat(line.get("qualificationCode")).isEqualTo("MC2-MAINT");
    }

    @Test
    void givenQuotedLineBreak_whenParsed_thenLaterLinesKeepTheirFileNumbers() {
        String file = HEADER + "\n\"Ann\nMarie\",Lee,2000-01-01,,X,\nBo,Chan,2000-01-01,,X,\n";

        var lines = CandidateCsv.parse(file, 10);

        assertThat(lines.get(0).get("firstName")).isEqualTo("Ann\nMarie");
        assertThat(lines.get(1).number()).isEqualTo(4);
    }

    @Test
    void givenLineWithTooFewFields_whenParsed_thenMarkedWithItsFieldCount() {
        var line = CandidateCsv.parse(HEADER + "\nAnn,Lee\n", 10).get(0);
        assertThat(line.get(CandidateCsv.FIELD_COUNT)).isEqualTo("2");
    }

    @Test
    void givenWrongHeader_whenParsed_thenRefusedNamingTheColumns() {
        assertThatThrownBy(() -> CandidateCsv.parse("first,last\nA,B\n", 10))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("missing");
    }

    @Test
    void givenMoreLinesThanAllowed_whenParsed_thenTooLarge() {
        String file = HEADER + "\n" + "A,B,2000-01-01,,X,\n".repeat(11);
        assertThatThrownBy(() -> CandidateCsv.parse(file, 10))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
    }

    @Test
    void givenNotUtf8_whenDecoded_thenRefused() {
        byte[] latin1 = (HEADER + "\nZo\u00eb,Lee,2000-01-01,,X,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CandidateCsv.decode(latin1)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void givenBlankLines_whenParsed_thenIgnored() {
        assertThat(CandidateCsv.parse(HEADER + "\n\nAnn,Lee,2000-01-01,,X,\n,,,,,\n", 10))
                .hasSize(1);
    }

    @Test
    void givenQuoteNeverClosed_whenParsed_thenRefusedNamingTheLineItOpensOn() {
        String file = HEADER + "\nAnn,Lee,2000-01-01,,X,\n\"Bo,Chan,2000-01-01,,X,\nCy,Dee,2000-01-01,,X,\n";
        assertThatThrownBy(() -> CandidateCsv.parse(file, 10))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("line 3 opens a quoted field that never closes");
    }

    @Test
    void givenTextAfterAClosingQuote_whenParsed_thenKeptAsASpreadsheetWould() {
        var line = CandidateCsv.parse(HEADER + "\n\"Ann\" Marie,Lee,2000-01-01,,X,\n", 10)
                .get(0);
        assertThat(line.get("firstName")).isEqualTo("Ann Marie");
    }
}
