package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file's name as kept (no folders, no control characters) and as served (safe for any browser and disk). */
class FileNamesTest {

    @Test
    void givenNameWithFoldersAndControlCharacters_whenKept_thenOnlyTheNameItself() {
        assertThat(StoredFiles.givenFileName("C:\\Users\\imi\\Spec (issue 2).pdf"))
                .isEqualTo("Spec (issue 2).pdf");
        assertThat(StoredFiles.givenFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(StoredFiles.givenFileName("spec\r\n.pdf")).isEqualTo("spec.pdf");
        assertThat(StoredFiles.givenFileName("invoice\u202Efdp.exe"))
                .as("a right-to-left override dropped, so the name reads as what it is")
                .isEqualTo("invoicefdp.exe");
        assertThat(StoredFiles.givenFileName("spec\u0085\u200B.pdf")).isEqualTo("spec.pdf");
        assertThat(StoredFiles.givenFileName("  ")).isEqualTo("document");
        assertThat(StoredFiles.givenFileName(null)).isEqualTo("document");
        assertThat(StoredFiles.givenFileName("x".repeat(300) + ".pdf"))
                .hasSize(200)
                .endsWith(".pdf");
    }

    @Test
    void givenKeptName_whenServed_thenLettersDigitsDotsHyphensAndUnderscoresOnly() {
        assertThat(StoredFiles.safeFileName("Spec (issue 2).pdf")).isEqualTo("Spec__issue_2_.pdf");
        assertThat(StoredFiles.safeFileName("a\"; filename=evil.exe")).isEqualTo("a___filename_evil.exe");
        assertThat(StoredFiles.safeFileName(".hidden")).isEqualTo("hidden");
        assertThat(StoredFiles.safeFileName("Spécification.pdf")).isEqualTo("Sp_cification.pdf");
        assertThat(StoredFiles.safeFileName("")).isEqualTo("document");
    }
}
