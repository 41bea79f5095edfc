package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class CandidateDirectoryTest {

    static final String CENTRE = "centre-1";
    static final String OTHER_CENTRE = "centre-2";
    static final LocalDate BORN = LocalDate.parse("2005-04-17");
    static final CandidateRegistered ZOE = new CandidateRegistered(
            "candidate-1",
            CENTRE,
            "7KQ3MZ9B",
            "Zoë",
            "O'Brien-Łukasiewicz",
            BORN,
            "1234567899",
            "MVR-L2",
            LocalDate.parse("2026-09-01"),
            LocalDate.parse("2026-11-26"),
            false,
            false);
    static final CandidateEntry ZOE_ENTRY =
            new CandidateEntry("candidate-1", "7KQ3MZ9B", CENTRE, CandidateStatus.REGISTERED);

    LookupDatabase database;
    CandidateDirectory candidates;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        candidates = database.lookup(CandidateDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenNoCandidate_whenLookedUp_thenNone() {
        assertThat(candidates.find("candidate-1")).isEmpty();
        assertThat(candidates.registrationNumberTaken("7KQ3MZ9B")).isFalse();
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
    }

    @Test
    void givenCandidateRegistered_whenLookedUp_thenTheirEntryAndNumberTaken() {
        database.apply(ZOE);
        assertThat(candidates.find("candidate-1")).contains(ZOE_ENTRY);
        assertThat(candidates.find("candidate-2")).isEmpty();
        assertThat(candidates.registrationNumberTaken("7KQ3MZ9B")).isTrue();
        assertThat(candidates.registrationNumberTaken("7KQ3MZ9C")).isFalse();
    }

    /** What an assessment is checked against: the qualification the candidate is on now. */
    @Test
    void givenQualificationAmended_whenTheQualificationIsAsked_thenTheCurrentOne() {
        assertThat(candidates.qualificationOf("candidate-1")).isEmpty();
        database.apply(ZOE);
        assertThat(candidates.qualificationOf("candidate-1")).contains("MVR-L2");

        database.apply(new CandidateQualificationAmended("candidate-1", CENTRE, "MVR-L2", "MVR-L3", "Wrong level"));

        assertThat(candidates.qualificationOf("candidate-1")).contains("MVR-L3");
        assertThat(candidates.qualificationOf("candidate-2")).isEmpty();
    }

    @Test
    void givenCandidateRegistered_whenTheSameNamesAreLookedUpWithoutAccentsOrCase_thenTheyAreADuplicate() {
        database.apply(ZOE);
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .contains(ZOE_ENTRY);
        assertThat(candidates.duplicateOf(CENTRE, " ZOE ", "o’brien-lukasiewicz", BORN, "MVR-L2"))
                .contains(ZOE_ENTRY);
    }

    @Test
    void givenCandidateRegistered_whenAnyPartOfTheKeyDiffers_thenNoDuplicate() {
        database.apply(ZOE);
        assertThat(candidates.duplicateOf(OTHER_CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
        assertThat(candidates.duplicateOf(CENTRE, "Zoe", "O'Brien", BORN, "MVR-L2"))
                .isEmpty();
        assertThat(candidates.duplicateOf(CENTRE, "Chloe", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN.plusDays(1), "MVR-L2"))
                .isEmpty();
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L3"))
                .isEmpty();
        assertThat(candidates.duplicateOf(CENTRE, "O'Brien-Łukasiewicz", "Zoë", BORN, "MVR-L2"))
                .as("first and last name swapped")
                .isEmpty();
    }

    @Test
    void givenNumberIssued_whenAnotherCandidateIsRegisteredWithIt_thenTheWriteFails() {
        database.apply(ZOE);
        assertThatThrownBy(() -> database.apply(new CandidateRegistered(
                        "candidate-2",
                        CENTRE,
                        "7KQ3MZ9B",
                        "Bob",
                        "Jones",
                        BORN,
                        null,
                        "MVR-L2",
                        ZOE.startDate(),
                        ZOE.registeredOn(),
                        false,
                        false)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenConfirmedDuplicateRegistered_whenLookedUp_thenBothExistAndOneIsNamed() {
        database.apply(ZOE);
        database.apply(new CandidateRegistered(
                "candidate-2",
                CENTRE,
                "9XW4PT2C",
                "Zoe",
                "O'Brien-Lukasiewicz",
                BORN,
                null,
                "MVR-L2",
                ZOE.startDate(),
                ZOE.registeredOn(),
                false,
                true));
        assertThat(candidates.find("candidate-2")).isPresent();
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .contains(ZOE_ENTRY);
    }

    @Test
    void givenCandidateWithdrawnAndReinstated_whenLookedUpAfterEach_thenStatusFollowsAndTheDuplicateStays() {
        database.apply(ZOE);
        database.apply(new CandidateWithdrawn("candidate-1", CENTRE, "Left the course"));
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.WITHDRAWN);
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.WITHDRAWN);
        assertThat(candidates.registrationNumberTaken("7KQ3MZ9B")).isTrue();

        database.apply(new CandidateReinstated("candidate-1", CENTRE, "Came back"));
        assertThat(candidates.find("candidate-1")).contains(ZOE_ENTRY);
    }

    @Test
    void givenCandidateTransferred_whenLookedUp_thenAtTheNewCentreAndDuplicatedThereOnly() {
        database.apply(ZOE);
        database.apply(new CandidateTransferred("candidate-1", CENTRE, OTHER_CENTRE, "Moved house"));
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::centreId)
                .isEqualTo(OTHER_CENTRE);
        assertThat(candidates.duplicateOf(OTHER_CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isPresent();
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
    }

    @Test
    void givenNameAmended_whenLookedUp_thenTheDuplicateKeyFollows() {
        database.apply(ZOE);
        database.apply(new CandidateNameAmended(
                "candidate-1", CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Zoë", "Smith", "Married"));
        assertThat(candidates.duplicateOf(CENTRE, "ZOE", "SMITH", BORN, "MVR-L2"))
                .contains(ZOE_ENTRY);
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
    }

    @Test
    void givenDateOfBirthAmended_whenLookedUp_thenTheDuplicateKeyFollows() {
        database.apply(ZOE);
        LocalDate corrected = LocalDate.parse("2005-07-14");
        database.apply(new CandidateDateOfBirthAmended("candidate-1", CENTRE, BORN, corrected, "Typing error"));
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", corrected, "MVR-L2"))
                .contains(ZOE_ENTRY);
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
    }

    @Test
    void givenQualificationAmended_whenLookedUp_thenTheDuplicateKeyFollows() {
        database.apply(ZOE);
        database.apply(new CandidateQualificationAmended("candidate-1", CENTRE, "MVR-L2", "MVR-L3", "Wrong level"));
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L3"))
                .contains(ZOE_ENTRY);
        assertThat(candidates.duplicateOf(CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, "MVR-L2"))
                .isEmpty();
    }

    @Test
    void givenLongestNamesOfLettersThatFoldToTwo_whenRegistered_thenTheKeyFitsItsColumn() {
        String name = "ß".repeat(100);
        database.apply(new CandidateRegistered(
                "candidate-9",
                CENTRE,
                "22222222",
                name,
                name,
                BORN,
                null,
                "MVR-L2",
                ZOE.startDate(),
                ZOE.registeredOn(),
                false,
                false));
        assertThat(candidates.duplicateOf(CENTRE, "SS".repeat(100), "ss".repeat(100), BORN, "MVR-L2"))
                .isPresent();
    }

    @Test
    void givenCandidateRegistered_whenAskedForTheHolderName_thenTheNamesAsRegistered() {
        database.apply(ZOE);
        assertThat(candidates.holderName("candidate-1")).contains("Zoë O'Brien-Łukasiewicz");
        assertThat(candidates.holderName("candidate-2")).isEmpty();
    }

    @Test
    void givenNameAmended_whenAskedForTheHolderName_thenTheAmendedNames() {
        database.apply(ZOE);
        database.apply(new CandidateNameAmended(
                "candidate-1", CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Zoë", "O'Brien", "Name shortened by deed poll"));
        assertThat(candidates.holderName("candidate-1")).contains("Zoë O'Brien");
    }

    /** Registered before the directory kept names: none to print until the name is amended. */
    @Test
    void givenCandidateWithoutNamesOnRecord_whenAskedForTheHolderName_thenNoneUntilAmended() {
        database.apply(ZOE);
        database.jdbc().update("UPDATE candidate_directory SET first_name = NULL, last_name = NULL");
        assertThat(candidates.holderName("candidate-1")).isEmpty();

        database.apply(new CandidateNameAmended(
                "candidate-1", CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Zoe", "O'Brien-Łukasiewicz", "Accent dropped"));
        assertThat(candidates.holderName("candidate-1")).contains("Zoe O'Brien-Łukasiewicz");
    }

    @Test
    void givenCertificateIssued_whenLookedUp_thenCertificatedAndRegisteredAgainWhenRevoked() {
        database.apply(ZOE);
        database.apply(issued());
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.CERTIFICATED);

        database.apply(revoked());
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.REGISTERED);
    }

    /** IMI may withdraw a certificated candidate; a revocation afterwards leaves them withdrawn. */
    @Test
    void givenCertificatedCandidateWithdrawnByImi_whenTheCertificateIsRevoked_thenStillWithdrawn() {
        database.apply(ZOE);
        database.apply(issued());
        database.apply(new CandidateWithdrawn("candidate-1", CENTRE, "Left the country"));
        database.apply(revoked());
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.WITHDRAWN);
    }

    @Test
    void givenWithdrawnCandidate_whenACertificateIsIssued_thenStillWithdrawn() {
        database.apply(ZOE);
        database.apply(new CandidateWithdrawn("candidate-1", CENTRE, "Left the course"));
        database.apply(issued());
        assertThat(candidates.find("candidate-1"))
                .get()
                .extracting(CandidateEntry::status)
                .isEqualTo(CandidateStatus.WITHDRAWN);
    }

    static CertificateIssued issued() {
        return new CertificateIssued(
                "claim-1",
                "candidate-1",
                CENTRE,
                "MVR-L2",
                "C7KQ3MZ9BX",
                "Zoë O'Brien-Łukasiewicz",
                LocalDate.parse("2026-12-01"),
                Instant.parse("2026-12-01T10:00:00Z"),
                false);
    }

    static CertificateRevoked revoked() {
        return new CertificateRevoked(
                "claim-1", "candidate-1", CENTRE, "MVR-L2", "C7KQ3MZ9BX", LocalDate.parse("2027-01-10"), "Malpractice");
    }
}
