package org.awardinghub.command.candidate;

/** What an amendment may change. */
public enum CandidateField {
    FIRST_NAME,
    LAST_NAME,
    DATE_OF_BIRTH,
    ULN,
    QUALIFICATION
}
