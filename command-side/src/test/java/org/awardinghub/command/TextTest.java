package org.awardinghub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for the characters of every text a command carries (ADR 0139). */
class TextTest {

    /** What people really type, in several scripts, with the joiners Persian and emoji need. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Zoë O'Brien-Łukasiewicz",
                "St. John",
                "محمد العلي",
                "שרה כהן",
                "می\u200Cخواهم",
                "क्षत्रिय",
                "王小明",
                "Ann\u00A0Smith",
                "Level 2 – brakes & steering (v3.1)",
                "Mechanic \uD83D\uDC69\u200D\uD83D\uDD27",
                "ann.smith+hub@northgate.ac.uk"
            })
    void givenTextPeopleType_whenCheckedOnOneLineOrSeveral_thenKeptAsItIs(String text) {
        assertThat(Text.required("name", text, 200)).isEqualTo(text);
        assertThat(Text.requiredLines("body", text, 200)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ann\u0000Smith", // NUL
                "Ann\u001B[2JSmith", // ESC, a terminal's escape sequence
                "Ann\u0007", // BEL
                "Ann\u007F", // DEL
                "Ann\u0085Smith", // NEXT LINE, a C1 control
                "Ann\u009BSmith", // CSI, a C1 control
                "Ann\u000BSmith", // vertical tab
                "Ann\u202EhtimS", // RIGHT-TO-LEFT OVERRIDE
                "Ann\u202ASmith", // LEFT-TO-RIGHT EMBEDDING
                "Ann\u2066Smith\u2069", // isolates
                "Ann\u200FSmith", // RIGHT-TO-LEFT MARK
                "Ann\u061CSmith", // ARABIC LETTER MARK
                "Ann\u200BSmith", // ZERO WIDTH SPACE
                "Ann\u2060Smith", // WORD JOINER
                "Ann\uFEFFSmith", // BYTE ORDER MARK
                "Ann\u00ADSmith", // SOFT HYPHEN
                "Ann\uDB40\uDC41Smith", // TAG LATIN CAPITAL LETTER A: hidden text
                "Ann\uD800Smith" // a lone surrogate: not text
            })
    void givenControlOrInvisibleFormattingCharacter_whenCheckedOnOneLineOrSeveral_thenRefusedNamingTheField(
            String text) {
        assertThatThrownBy(() -> Text.required("name", text, 200))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Text.requiredLines("body", text, 200))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("body"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Dear IMI,\nplease send the form.", "Line one\r\nLine two", "Item\tQuantity", "One\u2028Two"})
    void givenLineBreaksOrTabs_whenCheckedAsSeveralLines_thenKeptButRefusedOnOneLine(String text) {
        assertThat(Text.requiredLines("body", text, 200)).isEqualTo(text);
        assertThatThrownBy(() -> Text.required("subject", text, 200))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("subject"));
    }

    @Test
    void givenRefusedCharacter_whenRefused_thenTheMessageNamesItsCodePointAndPlaceWithoutRepeatingIt() {
        assertThatThrownBy(() -> Text.required("name", "Ann\u202EhtimS", 200))
                .hasMessage("name may not hold control characters, line breaks or invisible formatting characters"
                        + " (U+202E is character 4)")
                .hasMessageNotContaining("\u202E");
        assertThatThrownBy(() -> Text.requiredLines("body", "a\n\u0000b", 200))
                .hasMessage("body may not hold control characters other than line breaks and tabs, nor invisible"
                        + " formatting characters (U+0000 is character 3)");
        assertThatThrownBy(() -> Text.required("name", "\uD83D\uDE00\u0000", 200))
                .as("a character beyond the first plane counts once")
                .hasMessageEndingWith("(U+0000 is character 2)");
    }

    @Test
    void givenLineBreakOrTabAroundTheText_whenCheckedOnOneLine_thenTrimmedAwayAndKept() {
        assertThat(Text.required("name", "\tAnn Smith\r\n", 200)).isEqualTo("Ann Smith");
    }

    @Nested
    class EveryCheckOfTextKeepsTheRule {

        @Test
        void givenNul_whenAnIdentifierIsChecked_thenRefused() {
            assertThatThrownBy(() -> Text.identifier("centreId", "centre-1\u0000"))
                    .isInstanceOfSatisfying(
                            InvalidCommand.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("centreId"));
        }

        @Test
        void givenOverride_whenAnEmailAddressIsChecked_thenRefusedWithoutRepeatingIt() {
            assertThatThrownBy(() -> EmailAddress.required("email", "ann\u202E@northgate.ac.uk"))
                    .isInstanceOfSatisfying(
                            InvalidCommand.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("email"))
                    .hasMessageNotContaining("\u202E");
        }

        @Test
        void givenEscape_whenAReasonIsGiven_thenRefusedOnReason() {
            Reasoned command = () -> "Moved\u001B[2J away";
            assertThatThrownBy(() -> Reason.of(command))
                    .isInstanceOfSatisfying(
                            InvalidCommand.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("reason"));
        }

        @Test
        void givenReasonOfSeveralLines_whenGiven_thenKept() {
            Reasoned command = () -> " Moved away.\nSee the letter of 3 May. ";
            assertThat(Reason.of(command)).isEqualTo("Moved away.\nSee the letter of 3 May.");
        }
    }
}
