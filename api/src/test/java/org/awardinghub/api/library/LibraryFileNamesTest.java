package org.awardinghub.api.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file's name as kept (no folders, no control characters) and as served (safe for any browser and disk). */
class LibraryFileNamesTest {

    @Test
    void givenNameWithFoldersAndControlCharacters_whenKept_thenOnlyTheNameItself() {
        assertThat(LibraryController.givenFileName("C:\\Users\\imi\\Spec (issue 2).pdf")).isEqualTo("Spec (issue 2).pdf");
        assertThat(LibraryController.givenFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(LibraryController.givenFileName("spec\r\n.pdf")).isEqualTo("spec.pdf");
        assertThat(LibraryController.givenFileName("  ")).isEqualTo("document");
        assertThat(LibraryController.givenFileName(null)).isEqualTo("document");
        assertThat(LibraryController.givenFileName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }

    @Test
    void givenKeptName_whenServed_thenLettersDigitsDotsHyphensAndUnderscoresOnly() {
        assertThat(LibraryController.safeFileName("Spec (issue 2).pdf")).isEqualTo("Spec__issue_2_.pdf");
        assertThat(LibraryController.safeFileName("a\"; filename=evil.exe")).isEqualTo("a___filename_evil.exe");
        assertThat(LibraryController.safeFileName(".hidden")).isEqualTo("hidden");
        assertThat(LibraryController.safeFileName("Spécification.pdf")).isEqualTo("Sp_cification.pdf");
        assertThat(LibraryController.safeFileName("")).isEqualTo("document");
    }
}
