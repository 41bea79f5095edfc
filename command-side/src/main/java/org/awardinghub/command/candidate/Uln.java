package org.awardinghub.command.candidate;

import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;

/**
 * A Unique Learner Number: ten digits, the first not 0, the last a check digit. With r = (Σ dᵢ·(11−i) for
 * i = 1..9) mod 11 it is valid when r ≠ 0 and d₁₀ = 10 − r, the check the learner-records service applies.
 * Checked once, here; a {@code Uln} that exists is valid.
 */
public record Uln(String value) {

    private static final Pattern FORM = Pattern.compile("[1-9][0-9]{9}");

    public Uln {
        if (!isValid(value)) {
            throw new InvalidCommand("uln", refusal(value));
        }
    }

    /** The ULN given, or null when none was given (null or blank); refused on {@code field} when not valid. */
    public static Uln optional(String field, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String digits = given.strip();
        if (!isValid(digits)) {
            throw new InvalidCommand(field, refusal(digits));
        }
        return new Uln(digits);
    }

    /** The value of an optional ULN, as events carry it: null when there is none. */
    public static String valueOf(Uln uln) {
        return uln == null ? null : uln.value();
    }

    public static boolean isValid(String digits) {
        if (digits == null || !FORM.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        return remainder != 0 && digits.charAt(9) - '0' == 10 - remainder;
    }

    private static String refusal(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            return "a ULN is 10 digits and does not start with 0";
        }
        return value + " is not a valid ULN: its check digit does not match";
    }

    @Override
    public String toString() {
        return value;
    }
}
