package org.awardinghub.events.library;

/**
 * What a library document is. The first three belong to one qualification (its specification, sample assessment
 * material, schemes of work); the last two are key documents of the awarding organisation, for every centre.
 */
public enum LibraryDocumentKind {
    SPECIFICATION,
    SAMPLE_ASSESSMENT,
    SCHEME_OF_WORK,
    OPERATING_MANUAL,
    KEY_DOCUMENT;

    /** Whether a document of this kind names the qualification it belongs to (a key document names none). */
    public boolean ofQualification() {
        return this == SPECIFICATION || this == SAMPLE_ASSESSMENT || this == SCHEME_OF_WORK;
    }
}
