package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.awardinghub.command.InvalidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Zoë O'Brien-Łukasiewicz",
                "José",
                "Nguyễn",
                "Ólafur",
                "D'Arcy",
                "St. John",
                "O’Neill",
                "Anne-Marie",
                "Ηλέκτρα",
                "Дмитрий",
                "محمد",
                "יעל",
                "明",
                "김민준",
                "प्रिया",
                "Þórunn",
                "Søren",
                "ʻIolani",
                "Nhã",
                "Ng",
                "X",
                "Mary Jane  Smith",
                "زهرا\u200Cسادات"
            })
    void givenRealName_whenChecked_thenAcceptedAsGiven(String name) {
        assertThat(CandidateName.checked("firstName", name)).isEqualTo(name);
    }

    @Test
    void givenSurroundingWhiteSpace_whenChecked_thenTrimmed() {
        assertThat(CandidateName.checked("lastName", " \t Smith \n")).isEqualTo("Smith");
    }

    @Test
    void givenDecomposedAccents_whenChecked_thenStoredComposed() {
        String typed = Normalizer.normalize("Zoë Nguyễn", Normalizer.Form.NFD);
        assertThat(typed).hasSize(13);
        assertThat(CandidateName.checked("firstName", typed))
                .isEqualTo("Zoë Nguyễn")
                .hasSize(10);
    }

    @Test
    void givenHundredCharacters_whenChecked_thenAccepted() {
        assertThat(CandidateName.checked("firstName", "a".repeat(100))).hasSize(100);
    }

    @Test
    void givenHundredAndOneCharacters_whenChecked_thenRefusedOnTheField() {
        assertRefused("lastName", "a".repeat(101), "at most 100");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void givenNoName_whenChecked_thenRequired(String name) {
        assertRefused("firstName", name, "required");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ann2",
                "R2-D2",
                "Ann\tMarie",
                "Ann\u0000",
                "Ann\u0007Smith",
                "Ann\nMarie",
                "Ann\u001B[31m",
                "Ann\u007F",
                "Ann\u0085",
                "Ann, Jr",
                "Ann;DROP",
                "Ann@home",
                "<script>",
                "Ann_Smith",
                "Ann\u200BSmith",
                "Ⅷ",
                "٣",
                "Ann😀",
                "-",
                ".",
                "' -."
            })
    void givenDigitsControlsOrSymbols_whenChecked_thenRefusedOnTheField(String name) {
        assertRefused("firstName", name, "letters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Ann\u202EhtimS", "\u2067Ann\u2069", "Ann\u200F", "Ann\u061C", "Ann\uFEFF", "Ann\u00ADSmith"})
    void givenBidirectionalOrInvisibleFormattingCharacter_whenChecked_thenRefusedOnTheField(String name) {
        assertRefused("firstName", name, "letters");
    }

    @Test
    void givenVariantsOfOneName_whenKeyed_thenTheSameKey() {
        String key = CandidateName.matchKey("Zoë O'Brien-Łukasiewicz");
        assertThat(key).isEqualTo("zoe o'brien-lukasiewicz");
        assertThat(CandidateName.matchKey("ZOE O’BRIEN‐LUKASIEWICZ")).isEqualTo(key);
        assertThat(CandidateName.matchKey("  zoe   o'brien-łukasiewicz ")).isEqualTo(key);
        assertThat(CandidateName.matchKey(Normalizer.normalize("Zoë O'Brien-Łukasiewicz", Normalizer.Form.NFD)))
                .isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({
        "José,jose",
        "Nguyễn,nguyen",
        "ÓLAFUR,olafur",
        "Søren,soren",
        "Straße,strasse",
        "Æsa,aesa",
        "Þórunn,thorunn",
        "İlker,ilker",
        "Ηλέκτρα,ηλεκτρα",
        "ΟΔΥΣΣΕΥΣ,οδυσσευσ"
    })
    void givenAccentsAndCapitals_whenKeyed_thenFolded(String name, String key) {
        assertThat(CandidateName.matchKey(name)).isEqualTo(key);
    }

    @Test
    void givenHangulOrDevanagari_whenKeyed_thenLettersAndVowelSignsKept() {
        assertThat(CandidateName.matchKey("김민준")).isEqualTo("김민준");
        assertThat(CandidateName.matchKey("राम")).isNotEqualTo(CandidateName.matchKey("रम"));
    }

    @Test
    void givenDifferentNames_whenKeyed_thenDifferentKeys() {
        assertThat(CandidateName.matchKey("Ann")).isNotEqualTo(CandidateName.matchKey("Anne"));
        assertThat(CandidateName.matchKey("O'Brien")).isNotEqualTo(CandidateName.matchKey("OBrien"));
    }

    private static void assertRefused(String field, String name, String messagePart) {
        assertThatThrownBy(() -> CandidateName.checked(field, name))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
    }
}
