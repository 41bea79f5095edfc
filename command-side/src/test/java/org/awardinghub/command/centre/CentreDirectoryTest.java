package org.awardinghub.command.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
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
        directory = new CentreDirectory(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    void apply(String centreId) {
        directory.on(new CentreApplied(centreId, "Centre " + centreId, "Leeds", "office@centre.ac.uk"));
    }

    void approve(String centreId, String number) {
        directory.on(new CentreApproved(centreId, number, List.of("MVR-L2"), false));
    }

    String numberOf(String centreId) {
        return database.jdbc().queryForObject("SELECT centre_number FROM centre_directory WHERE centre_id = ?",
                String.class, centreId);
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
        directory.on(new CentreSuspended("centre-1", "Review"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.SUSPENDED);
        directory.on(new CentreReinstated("centre-1", "Done"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.APPROVED);
        directory.on(new CentreWithdrawn("centre-1", "Closed"));
        assertThat(directory.statusOf("centre-1")).contains(CentreStatus.WITHDRAWN);
        assertThat(numberOf("centre-1")).as("a withdrawn centre keeps its number").isEqualTo("100001");
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
        directory.on(new CentreWithdrawn("centre-1", "Closed"));
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
        assertThatThrownBy(() -> directory.requireNotWithdrawn("centre-1", "no.")).isInstanceOf(UnknownRecord.class);
    }

    @Test
    void givenWithdrawnCentre_whenRequiredNotWithdrawn_thenRefusedWithTheGivenWords() {
        apply("centre-1");
        directory.on(new CentreWithdrawn("centre-1", "Closed"));
        assertThatThrownBy(() -> directory.requireNotWithdrawn("centre-1", "nothing more can happen"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("Centre is WITHDRAWN; nothing more can happen");
    }

    @Test
    void givenAppliedCentre_whenRequiredNotWithdrawn_thenItsStatus() {
        apply("centre-1");
        assertThat(directory.requireNotWithdrawn("centre-1", "no.")).isEqualTo(CentreStatus.APPLIED);
    }
}
