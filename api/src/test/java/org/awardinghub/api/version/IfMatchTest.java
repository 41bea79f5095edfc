package org.awardinghub.api.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.awardinghub.api.problem.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"0\"|0", "\"7\"|7", " \"42\" |42", "\"999999999999999999\"|999999999999999999"})
    void givenOneStrongIntegerTag_whenParsed_thenThatVersion(String header, long version) {
        assertThat(IfMatch.parse(header)).isEqualTo(new IfMatch(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * "})
    void givenAnyOrNone_whenParsed_thenNoPrecondition(String header) {
        assertThat(IfMatch.parse(header).isPresent()).isFalse();
        assertThat(IfMatch.parse(null).isPresent()).isFalse();
    }

    /** RFC 9110: If-Match compares strongly, so a weak tag never matches; nor does a tag naming no version of ours. */
    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"abc\"", "\"\"", "\"-1\"", "\"03\"", "\"9999999999999999999\""})
    void givenATagThatNamesNoVersion_whenParsed_thenAPreconditionNoRecordMeets(String header) {
        assertThat(IfMatch.parse(header)).isEqualTo(new IfMatch(IfMatch.NO_VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "", " ", "\"3\", \"4\"", "'3'", "\"3", "W/3", "**", "\"3\" \"4\""})
    void givenMalformedHeader_whenParsed_thenBadRequestNamingIfMatch(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.field()).isEqualTo("If-Match"));
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 123456789012L})
    void givenVersion_whenWrittenAsETag_thenReadBackAsTheSameVersion(long version) {
        assertThat(IfMatch.parse(ETags.of(version))).isEqualTo(new IfMatch(version));
    }
}
