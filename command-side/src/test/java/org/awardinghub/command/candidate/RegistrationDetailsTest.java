package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.awardinghub.command.InvalidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationDetailsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final LocalDate START = LocalDate.parse("2026-09-01");
    static final LocalDate BORN = LocalDate.parse("2005-04-17");

    static RegisterCandidate command(
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String uln,
            String qualificationCode,
            LocalDate startDate) {
        return new RegisterCandidate(
                "candidate-1",
                "centre-1",
                firstName,
                lastName,
                dateOfBirth,
                uln,
                qualificationCode,
                startDate,
                TODAY,
                false);
    }

    @Test
    void givenGoodValues_whenChecked_thenTrimmedAndNoRefusals() {
        RegisterCandidate command = command(" Zoë ", " O'Brien ", BORN, " 1234567899 ", " MVR-L2 ", START);
        assertThat(RegistrationDetails.refusals(command)).isEmpty();
        assertThat(RegistrationDetails.checked(command))
                .isEqualTo(
                        new RegistrationDetails("Zoë", "O'Brien", BORN, new Uln("1234567899"), "MVR-L2", START, TODAY));
    }

    @Test
    void givenEveryFieldWrong_whenRefusalsListed_thenEachFieldOnceInTheOrderOfTheFields() {
        RegisterCandidate command = command("Ann2", "", TODAY, "1234567890", " ", TODAY.plusYears(2));
        assertThat(RegistrationDetails.refusals(command))
                .extracting(InvalidCommand::field)
                .containsExactly("firstName", "lastName", "dateOfBirth", "uln", "qualificationCode", "startDate");
    }

    @Test
    void givenSeveralFieldsWrong_whenChecked_thenTheFirstIsThrown() {
        RegisterCandidate command = command("Ann", "Smith", null, "0123456789", "MVR-L2", START);
        assertThatThrownBy(() -> RegistrationDetails.checked(command))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dateOfBirth"));
    }

    @Test
    void givenNoRegistrationDate_whenChecked_thenRefusedOnRegisteredOn() {
        RegisterCandidate command = new RegisterCandidate(
                "candidate-1", "centre-1", "Ann", "Smith", BORN, null, "MVR-L2", START, null, false);
        assertThat(RegistrationDetails.refusals(command))
                .extracting(InvalidCommand::field)
                .containsExactly("registeredOn");
    }

    @Test
    void givenStartDateWrong_whenChecked_thenTheDateOfBirthIsStillJudgedAgainstTheRegistrationDate() {
        RegisterCandidate command = command("Ann", "Smith", TODAY.plusDays(1), null, "MVR-L2", null);
        assertThat(RegistrationDetails.refusals(command))
                .extracting(InvalidCommand::field)
                .containsExactly("dateOfBirth", "startDate");
    }

    @Test
    void givenBornThirteenYearsBeforeTheStartDate_whenDateOfBirthChecked_thenAccepted() {
        assertThat(RegistrationDates.dateOfBirth("dateOfBirth", START.minusYears(13), TODAY, START))
                .isEqualTo(START.minusYears(13));
    }

    @Test
    void givenBornADayLess_whenDateOfBirthChecked_thenRefused() {
        assertThatThrownBy(() -> RegistrationDates.dateOfBirth(
                        "dateOfBirth", START.minusYears(13).plusDays(1), TODAY, START))
                .isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("at least 13");
    }

    @Test
    void givenBorn120YearsBeforeRegistration_whenDateOfBirthChecked_thenAcceptedButNotADayEarlier() {
        assertThat(RegistrationDates.dateOfBirth("dateOfBirth", TODAY.minusYears(120), TODAY, START))
                .isNotNull();
        assertThatThrownBy(() -> RegistrationDates.dateOfBirth(
                        "dateOfBirth", TODAY.minusYears(120).minusDays(1), TODAY, START))
                .isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("120 years");
    }

    @Test
    void givenBornOnTheRegistrationDate_whenDateOfBirthChecked_thenRefusedAsNotPast() {
        assertThatThrownBy(() -> RegistrationDates.dateOfBirth("dateOfBirth", TODAY, TODAY, TODAY.plusYears(20)))
                .isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("past");
    }

    @Test
    void givenStartOneYearAhead_whenStartDateChecked_thenAcceptedButNotADayLater() {
        assertThat(RegistrationDates.startDate(TODAY.plusYears(1), TODAY)).isEqualTo(TODAY.plusYears(1));
        assertThatThrownBy(() -> RegistrationDates.startDate(TODAY.plusYears(1).plusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("startDate"));
    }

    @Test
    void givenStartLongAgo_whenStartDateChecked_thenAccepted() {
        assertThat(RegistrationDates.startDate(TODAY.minusYears(3), TODAY)).isEqualTo(TODAY.minusYears(3));
    }

    @Test
    void givenIsoDate_whenParsed_thenThatDate() {
        assertThat(RegistrationDates.parse("value", " 2005-04-17 ")).isEqualTo(BORN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "17/04/2005",
                "2005-4-17",
                "2005-02-30",
                "+2005-04-17",
                "20050417",
                "2005-04-17T00:00",
                "yesterday"
            })
    void givenNotAnIsoDate_whenParsed_thenRefusedOnTheField(String text) {
        assertThatThrownBy(() -> RegistrationDates.parse("value", text))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("value"));
    }

    @Test
    void givenNull_whenParsed_thenRefusedOnTheField() {
        assertThatThrownBy(() -> RegistrationDates.parse("value", null)).isInstanceOf(InvalidCommand.class);
    }
}
