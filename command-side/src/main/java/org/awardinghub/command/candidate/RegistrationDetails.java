package org.awardinghub.command.candidate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.command.qualification.CatalogueCode;

/**
 * The values of a {@link RegisterCandidate}, each checked on its own: names, date of birth, ULN, qualification
 * code and dates. Pure, so that a bulk registration can report every wrong field of a line at once
 * ({@link #refusals}) before anything is sent; whether the centre may register is not decided here.
 */
public record RegistrationDetails(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        Uln uln,
        String qualificationCode,
        LocalDate startDate,
        LocalDate registeredOn) {

    /** The checked values, or the first refusal. */
    public static RegistrationDetails checked(RegisterCandidate command) {
        List<InvalidCommand> refusals = new ArrayList<>();
        RegistrationDetails details = check(command, refusals);
        if (!refusals.isEmpty()) {
            throw refusals.get(0);
        }
        return details;
    }

    /** Every field the command gets wrong, in the order of its fields; empty when all are acceptable. */
    public static List<InvalidCommand> refusals(RegisterCandidate command) {
        List<InvalidCommand> refusals = new ArrayList<>();
        check(command, refusals);
        return List.copyOf(refusals);
    }

    private static RegistrationDetails check(RegisterCandidate command, List<InvalidCommand> refusals) {
        LocalDate registeredOn = command.registeredOn();
        if (registeredOn == null) {
            // set by the application, not by the user: without it no date can be judged
            refusals.add(new InvalidCommand("registeredOn", "registeredOn is required"));
            return null;
        }
        // the date of birth is judged against the start date, but reported in the order of the fields
        List<InvalidCommand> startDateRefusal = new ArrayList<>(1);
        LocalDate startDate =
                attempt(startDateRefusal, () -> RegistrationDates.startDate(command.startDate(), registeredOn));
        String firstName = attempt(refusals, () -> CandidateName.checked("firstName", command.firstName()));
        String lastName = attempt(refusals, () -> CandidateName.checked("lastName", command.lastName()));
        LocalDate dateOfBirth = attempt(
                refusals,
                () -> RegistrationDates.dateOfBirth("dateOfBirth", command.dateOfBirth(), registeredOn, startDate));
        Uln uln = attempt(refusals, () -> Uln.optional("uln", command.uln()));
        String qualificationCode = attempt(
                refusals,
                () -> Text.required("qualificationCode", command.qualificationCode(), CatalogueCode.MAX_LENGTH));
        refusals.addAll(startDateRefusal);
        return new RegistrationDetails(
                firstName, lastName, dateOfBirth, uln, qualificationCode, startDate, registeredOn);
    }

    private static <T> T attempt(List<InvalidCommand> refusals, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidCommand refusal) {
            refusals.add(refusal);
            return null;
        }
    }
}
