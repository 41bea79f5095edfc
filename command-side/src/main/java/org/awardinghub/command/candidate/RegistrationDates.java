package org.awardinghub.command.candidate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;

/**
 * The rules on a candidate's dates, the same at registration and at amendment. Pure: "today" is the
 * registration date the command carries, never a clock.
 */
final class RegistrationDates {

    /** Candidates start learning at 13 at the youngest. */
    public static final int MIN_AGE_AT_START = 13;
    /** Older than this on the registration date is a typing error (a wrong century), not a learner. */
    public static final int MAX_AGE = 120;
    /** A registration may be made ahead of the learning start date, by at most this much. */
    public static final int MAX_YEARS_AHEAD = 1;

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private RegistrationDates() {}

    /**
     * A date of birth before {@code registeredOn}, at most {@value #MAX_AGE} years before it, and at least
     * {@value #MIN_AGE_AT_START} years before {@code startDate} (not checked when the start date is unknown).
     */
    public static LocalDate dateOfBirth(
            String field, LocalDate dateOfBirth, LocalDate registeredOn, LocalDate startDate) {
        if (dateOfBirth == null) {
            throw new InvalidCommand(field, field + " is required");
        }
        if (!dateOfBirth.isBefore(registeredOn)) {
            throw new InvalidCommand(field, "the date of birth must be in the past");
        }
        if (dateOfBirth.isBefore(registeredOn.minusYears(MAX_AGE))) {
            throw new InvalidCommand(field, "the date of birth is more than " + MAX_AGE + " years ago");
        }
        if (startDate != null && dateOfBirth.plusYears(MIN_AGE_AT_START).isAfter(startDate)) {
            throw new InvalidCommand(
                    field,
                    "the candidate must be at least " + MIN_AGE_AT_START + " years old on the start date " + startDate);
        }
        return dateOfBirth;
    }

    /** A learning start date at most {@value #MAX_YEARS_AHEAD} year after {@code registeredOn}. */
    public static LocalDate startDate(LocalDate startDate, LocalDate registeredOn) {
        if (startDate == null) {
            throw new InvalidCommand("startDate", "startDate is required");
        }
        if (startDate.isAfter(registeredOn.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidCommand(
                    "startDate",
                    "the start date may be at most " + MAX_YEARS_AHEAD + " year after the registration date "
                            + registeredOn);
        }
        return startDate;
    }

    /** A date written YYYY-MM-DD, as the API exchanges them; refused on {@code field} otherwise. */
    public static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, "a date written YYYY-MM-DD is required");
        }
        String text = value.strip();
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // 2026-02-30 and the like: refused below, as any other
        }
        throw new InvalidCommand(field, "'" + text + "' is not a date written YYYY-MM-DD");
    }
}
