package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import org.awardinghub.events.PersonalData;
import org.junit.jupiter.api.Test;

class CandidateNamesTest {

    @Test
    void givenAccentsAndLettersThatDoNotDecompose_whenFolded_thenPlainLowerCase() {
        assertThat(CandidateNames.fold("Zoë")).isEqualTo("zoe");
        assertThat(CandidateNames.fold("ŁUKASIEWICZ")).isEqualTo("lukasiewicz");
        assertThat(CandidateNames.fold("Søren Ærø")).isEqualTo("soren aero");
        assertThat(CandidateNames.fold("Straße")).isEqualTo("strasse");
        assertThat(CandidateNames.fold("Đorđe")).isEqualTo("dorde");
        assertThat(CandidateNames.fold("Siobhán Núñez")).isEqualTo("siobhan nunez");
        assertThat(CandidateNames.fold("İlkay")).isEqualTo("ilkay");
        assertThat(CandidateNames.fold(null)).isEmpty();
    }

    @Test
    void givenTypographicApostrophesDashesAndSpaces_whenFolded_thenPlainOnes() {
        assertThat(CandidateNames.fold("O’Brien\u2013Smith\u00a0Jr")).isEqualTo("o'brien-smith jr");
        assertThat(CandidateNames.fold("a\u0001b")).isEqualTo("a b");
    }

    @Test
    void givenNamesWithHyphensAndApostrophes_whenTokenised_thenEachPartAndTheApostropheLessWords() {
        assertThat(CandidateNames.tokens("Zoë", "O'Brien-Łukasiewicz"))
                .containsExactly("zoe", "o", "brien", "lukasiewicz", "obrien");
        assertThat(CandidateNames.tokens("Anne-Marie", "de Vere")).containsExactly("anne", "marie", "de", "vere");
    }

    @Test
    void givenNames_whenSortKeyMade_thenLastNameFirstWithoutApostrophes() {
        assertThat(CandidateNames.sortKey("Zoë", "O'Brien")).isEqualTo("obrien\u0001zoe");
        assertThat(CandidateNames.sortKey("Al", "Smit").compareTo(CandidateNames.sortKey("Al", "Smith")))
                .isNegative();
        assertThat(CandidateNames.sortKey("Zed", "Smith").compareTo(CandidateNames.sortKey("Al", "Smithers")))
                .isNegative();
    }

    @Test
    void givenSearchText_whenSplitIntoWords_thenFoldedWithoutApostrophesOnSpacesCommasAndHyphens() {
        assertThat(CandidateNames.searchWords(" Smith,  JOHN ")).containsExactly("smith", "john");
        assertThat(CandidateNames.searchWords("O'Brien-Łuk")).containsExactly("obrien", "luk");
        assertThat(CandidateNames.searchWords("zoe zoe")).containsExactly("zoe");
        assertThat(CandidateNames.searchWords(" - ' ")).isEmpty();
    }

    @Test
    void givenTexts_whenClassified_thenRegistrationNumberUlnOrWords() {
        assertThat(SearchText.of("q7m2k9xa").registrationNumber()).isEqualTo("Q7M2K9XA");
        assertThat(SearchText.of("Q7M2K9X1").registrationNumber()).isNull();
        assertThat(SearchText.of("stephens"))
                .isEqualTo(new SearchText("STEPHENS", null, java.util.List.of("stephens")));
        assertThat(SearchText.of(" 1000000001 ").uln()).isEqualTo("1000000001");
        assertThat(SearchText.of("100000000").uln()).isNull();
        assertThat(SearchText.of("   ").isEveryone()).isTrue();
        assertThat(SearchText.of(null).isEveryone()).isTrue();
        assertThat(SearchText.of("zoe o'b").words()).containsExactly("zoe", "ob");
    }

    /** ADR 0165: an erased name is no name: nothing to find it by, sorted before every name. */
    @Test
    void givenErasedNames_whenMadeSearchable_thenNoTokensAndTheEmptySortKey() {
        CandidateNames.Searchable erased = CandidateNames.searchable(PersonalData.ERASED, PersonalData.ERASED);

        assertThat(erased.tokens()).isEmpty();
        assertThat(erased.sortKey()).isEqualTo(String.valueOf(CandidateNames.SORT_SEPARATOR));
        assertThat(erased.sortKey()).isLessThan(CandidateNames.sortKey("A", "Aaron"));
        assertThat(CandidateNames.tokens(PersonalData.ERASED, "Quiller")).containsExactly("quiller");
    }
}
