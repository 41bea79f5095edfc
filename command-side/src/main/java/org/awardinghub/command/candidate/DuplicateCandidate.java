package org.awardinghub.command.candidate;

import org.awardinghub.command.RuleViolation;

/**
 * The centre already has a candidate with the same names, date of birth and qualification; registering another
 * needs {@code confirmDuplicate}. Names the existing registration.
 */
public class DuplicateCandidate extends RuleViolation {

    private final String existingCandidateId;
    private final String existingRegistrationNumber;

    public DuplicateCandidate(String existingCandidateId, String existingRegistrationNumber) {
        super("This centre already registered a candidate with the same names, date of birth and qualification: "
                + existingRegistrationNumber + ". Send \"confirmDuplicate\": true to register another.");
        this.existingCandidateId = existingCandidateId;
        this.existingRegistrationNumber = existingRegistrationNumber;
    }

    public String existingCandidateId() {
        return existingCandidateId;
    }

    public String existingRegistrationNumber() {
        return existingRegistrationNumber;
    }
}
