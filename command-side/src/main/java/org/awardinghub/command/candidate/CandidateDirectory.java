package org.awardinghub.command.candidate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the command side knows of every candidate: their registration number, centre, qualification, status and
 * names, as of the transaction that changed it. Read-only: kept from the events by {@link CandidateDirectoryTable},
 * in the transaction that stores them.
 */
public interface CandidateDirectory {

    Optional<CandidateEntry> find(String candidateId);

    /** The qualification the candidate is registered on now (amendments follow); empty for an unknown candidate. */
    Optional<String> qualificationOf(String candidateId);

    /**
     * The candidate's first and last name as registered now, as a certificate prints them ("Zoë O'Brien");
     * empty for an unknown candidate, and for one registered before the directory kept names, until their name
     * is next amended.
     */
    Optional<String> holderName(String candidateId);

    /**
     * A candidate of the centre (in any status: a withdrawn registration still counts) with the same names,
     * compared without case or accents, the same date of birth and the same qualification; empty when none.
     * Where confirmed duplicates make several, any one names the clash; the order only keeps the answer stable.
     */
    Optional<CandidateEntry> duplicateOf(
            String centreId, String firstName, String lastName, LocalDate dateOfBirth, String qualificationCode);

    /** Also true for withdrawn candidates' numbers: a registration number is never issued twice. */
    boolean registrationNumberTaken(String registrationNumber);
}
