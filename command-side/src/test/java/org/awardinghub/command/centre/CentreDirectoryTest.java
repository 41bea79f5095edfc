package org.awardinghub.command.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.RegistrationRefusal.Kind;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class CentreDirectoryTest {

    LookupDatabase database;
    CentreDirectory directory;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        directory = database.lookup(CentreDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    void apply(String centreId) {
        database.apply(new CentreApplied(centreId, "Centre " + centreId, "Leeds", "office@centre.ac.uk"));
    }

    void approve(String centreId, String number) {
        database.apply(new CentreApproved(centreId, number, List.of("MVR-L2"), false));
    }

    String numberOf(String centreId) {
        return database.jdbc()
                .queryForObject(
                        "SELECT centre_number FROM centre_directory WHERE centre_id = ?", String.class, centreId);
    }

    @Test
    void givenNoCentre_whenAsked_thenNoStatus() {
        assertThat(directory.statusOf("centre-1")).isEmpty();
    }

    @Test
    void givenCentreApplied_whenAsked_thenAppliedWithoutNumber() {
        apply("centre-1");
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.APPLIED);
        assertThat(numberOf("centre-1")).isNull();
    }

    @Test
    void givenCentreApproved_whenAsked_thenApprovedWithItsNumber() {
        apply("centre-1");
        approve("centre-1", "100001");
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.APPROVED);
        assertThat(numberOf("centre-1")).isEqualTo("100001");
    }

    @Test
    void givenCentreSuspendedReinstatedAndWithdrawn_whenAskedAfterEach_thenStatusFollows() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreSuspended("centre-1", "Review"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.SUSPENDED);
        database.apply(new CentreReinstated("centre-1", "Done"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.APPROVED);
        database.apply(new CentreWithdrawn("centre-1", "Closed"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.WITHDRAWN);
        assertThat(numberOf("centre-1"))
                .as("a withdrawn centre keeps its number")
                .isEqualTo("100001");
    }

    @Test
    void givenNoCentreNumbered_whenNextNumberAsked_thenFirstNumber() {
        apply("centre-1");
        assertThat(directory.nextCentreNumber()).isEqualTo("100001");
    }

    @Test
    void givenNumbersIssued_whenNextNumberAsked_thenOneAfterTheHighest() {
        apply("centre-1");
        approve("centre-1", "100001");
        assertThat(directory.nextCentreNumber()).isEqualTo("100002");
        apply("centre-2");
        approve("centre-2", "100009");
        apply("centre-3");
        approve("centre-3", "100002");
        assertThat(directory.nextCentreNumber()).isEqualTo("100010");
    }

    @Test
    void givenHighestNumberedCentreWithdrawn_whenNextNumberAsked_thenItsNumberIsNotReused() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreWithdrawn("centre-1", "Closed"));
        assertThat(directory.nextCentreNumber()).isEqualTo("100002");
    }

    @Test
    void givenNumberIssued_whenAnotherCentreIsApprovedWithIt_thenTheWriteFails() {
        apply("centre-1");
        apply("centre-2");
        approve("centre-1", "100001");
        assertThatThrownBy(() -> approve("centre-2", "100001")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenCentreApplied_whenAppliedAgain_thenTheWriteFails() {
        apply("centre-1");
        assertThatThrownBy(() -> apply("centre-1")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenNoCentre_whenRequiredNotWithdrawn_thenUnknownRecord() {
        assertThatThrownBy(() -> directory.requireNotWithdrawn("centre-1", "no."))
                .isInstanceOf(UnknownRecord.class);
    }

    @Test
    void givenWithdrawnCentre_whenRequiredNotWithdrawn_thenRefusedWithTheGivenWords() {
        apply("centre-1");
        database.apply(new CentreWithdrawn("centre-1", "Closed"));
        assertThatThrownBy(() -> directory.requireNotWithdrawn("centre-1", "nothing more can happen"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Centre is WITHDRAWN; nothing more can happen");
    }

    @Test
    void givenAppliedCentre_whenRequiredNotWithdrawn_thenItsStatus() {
        apply("centre-1");
        assertThat(directory.requireNotWithdrawn("centre-1", "no.")).isEqualTo(CentreStatus.APPLIED);
    }

    @Test
    void givenCentreApproved_whenAskedForItsQualifications_thenThoseItWasApprovedFor() {
        apply("centre-1");
        database.apply(new CentreApproved("centre-1", "100001", List.of("MVR-L2", "MVR-L3"), false));
        assertThat(directory.approvedFor("centre-1", "MVR-L2")).isTrue();
        assertThat(directory.approvedFor("centre-1", "MVR-L3")).isTrue();
        assertThat(directory.approvedFor("centre-1", "HEV-L3")).isFalse();
        assertThat(directory.approvedFor("centre-2", "MVR-L2")).isFalse();
    }

    @Test
    void givenQualificationApprovedAndAnotherRemoved_whenAsked_thenTheApprovalsFollow() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreQualificationApproved("centre-1", "HEV-L3", "New workshop"));
        database.apply(new CentreQualificationRemoved("centre-1", "MVR-L2", "Assessor left"));
        assertThat(directory.approvedFor("centre-1", "HEV-L3")).isTrue();
        assertThat(directory.approvedFor("centre-1", "MVR-L2")).isFalse();
    }

    @Test
    void givenSanctionsImposedAndLifted_whenAsked_thenTheSanctionsInForce() {
        apply("centre-1");
        approve("centre-1", "100001");
        assertThat(directory.sanctionsOn("centre-1")).isEmpty();
        database.apply(new CentreSanctionImposed("centre-1", Sanction.REGISTRATIONS, "Audit"));
        database.apply(new CentreSanctionImposed("centre-1", Sanction.CERTIFICATION, "Audit"));
        assertThat(directory.sanctionsOn("centre-1")).isEqualTo(Set.of(Sanction.REGISTRATIONS, Sanction.CERTIFICATION));
        database.apply(new CentreSanctionLifted("centre-1", Sanction.REGISTRATIONS, "Resolved"));
        assertThat(directory.sanctionsOn("centre-1")).isEqualTo(Set.of(Sanction.CERTIFICATION));
        assertThat(directory.sanctionsOn("centre-9")).isEmpty();
    }

    @Test
    void givenApprovedUnsanctionedCentre_whenAskedToRegisterOnItsQualification_thenNoRefusal() {
        apply("centre-1");
        approve("centre-1", "100001");
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2")).isEmpty();
    }

    @Test
    void givenNoCentre_whenAskedToRegister_thenRefusedAsUnknown() {
        RegistrationRefusal refusal =
                directory.registrationRefusal("centre-9", "MVR-L2").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Kind.UNKNOWN_CENTRE);
        assertThat(refusal.exception()).isInstanceOf(UnknownRecord.class).hasMessage("No centre centre-9");
    }

    @Test
    void givenAppliedCentre_whenAskedToRegister_thenRefusedNamingItsStatus() {
        apply("centre-1");
        RegistrationRefusal refusal =
                directory.registrationRefusal("centre-1", "MVR-L2").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Kind.CENTRE_NOT_APPROVED);
        assertThat(refusal.exception())
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Centre centre-1 is APPLIED; only an APPROVED centre can register candidates");
    }

    @Test
    void givenSuspendedOrWithdrawnCentre_whenAskedToRegister_thenRefusedNamingItsStatusAndNumber() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreSuspended("centre-1", "Review"));
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2"))
                .get()
                .extracting(RegistrationRefusal::message)
                .isEqualTo("Centre 100001 is SUSPENDED; only an APPROVED centre can register candidates");
        database.apply(new CentreWithdrawn("centre-1", "Closed"));
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2"))
                .get()
                .extracting(RegistrationRefusal::kind)
                .isEqualTo(Kind.CENTRE_NOT_APPROVED);
        assertThat(directory
                        .registrationRefusal("centre-1", "MVR-L2")
                        .orElseThrow()
                        .message())
                .contains("WITHDRAWN");
    }

    @Test
    void givenRegistrationsSanction_whenAskedToRegister_thenRefusedUntilLifted() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreSanctionImposed("centre-1", Sanction.REGISTRATIONS, "Audit"));
        RegistrationRefusal refusal =
                directory.registrationRefusal("centre-1", "MVR-L2").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Kind.REGISTRATIONS_SANCTIONED);
        assertThat(refusal.exception()).isInstanceOf(RuleViolation.class).hasMessageContaining("REGISTRATIONS");
        database.apply(new CentreSanctionLifted("centre-1", Sanction.REGISTRATIONS, "Resolved"));
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2")).isEmpty();
    }

    @Test
    void givenCertificationSanction_whenAskedToRegister_thenNoRefusal() {
        apply("centre-1");
        approve("centre-1", "100001");
        database.apply(new CentreSanctionImposed("centre-1", Sanction.CERTIFICATION, "Audit"));
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2")).isEmpty();
    }

    @Test
    void givenQualificationNotApprovedOrRemoved_whenAskedToRegisterOnIt_thenRefusedNamingIt() {
        apply("centre-1");
        approve("centre-1", "100001");
        assertThat(directory.registrationRefusal("centre-1", "HEV-L3"))
                .get()
                .isEqualTo(new RegistrationRefusal(
                        Kind.QUALIFICATION_NOT_APPROVED, "Centre 100001 is not approved for qualification HEV-L3"));
        database.apply(new CentreQualificationRemoved("centre-1", "MVR-L2", "Assessor left"));
        assertThat(directory.registrationRefusal("centre-1", "MVR-L2"))
                .get()
                .extracting(RegistrationRefusal::kind)
                .isEqualTo(Kind.QUALIFICATION_NOT_APPROVED);
    }

    @Test
    void givenQualificationApprovedForAnotherCentre_whenAskedToRegisterOnIt_thenRefused() {
        apply("centre-1");
        approve("centre-1", "100001");
        apply("centre-2");
        database.apply(new CentreApproved("centre-2", "100002", List.of("HEV-L3"), false));
        assertThat(directory.registrationRefusal("centre-1", "HEV-L3")).isPresent();
        assertThat(directory.registrationRefusal("centre-2", "HEV-L3")).isEmpty();
    }

    @Test
    void givenCentreApprovedWithDirectClaimStatus_whenAsked_thenItHasIt() {
        apply("centre-1");
        database.apply(new CentreApproved("centre-1", "100001", List.of("MVR-L2"), true));
        apply("centre-2");
        approve("centre-2", "100002");

        assertThat(directory.hasDirectClaimStatus("centre-1")).isTrue();
        assertThat(directory.hasDirectClaimStatus("centre-2")).isFalse();
    }

    @Test
    void givenDirectClaimStatusGrantedThenRemoved_whenAskedAfterEach_thenItFollows() {
        apply("centre-1");
        assertThat(directory.hasDirectClaimStatus("centre-1")).as("applied").isFalse();
        approve("centre-1", "100001");
        database.apply(new DirectClaimStatusGranted("centre-1", "Five clean audits"));
        assertThat(directory.hasDirectClaimStatus("centre-1")).as("granted").isTrue();
        database.apply(new DirectClaimStatusRemoved("centre-1", "Claims without evidence"));
        assertThat(directory.hasDirectClaimStatus("centre-1")).as("removed").isFalse();
    }

    @Test
    void givenCentreWithDirectClaimStatusSuspendedAndSanctioned_whenAsked_thenItKeepsIt() {
        apply("centre-1");
        database.apply(new CentreApproved("centre-1", "100001", List.of("MVR-L2"), true));
        database.apply(new CentreSuspended("centre-1", "Audit"));
        database.apply(new CentreSanctionImposed("centre-1", Sanction.CERTIFICATION, "Audit"));
        assertThat(directory.hasDirectClaimStatus("centre-1")).isTrue();
    }

    @Test
    void givenNoCentre_whenAskedForDirectClaimStatus_thenNone() {
        assertThat(directory.hasDirectClaimStatus("centre-1")).isFalse();
    }
}
