package org.awardinghub.command.candidate;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues registration numbers: eight characters from an alphabet without the look-alikes 0/O and 1/I/L, nor U
 * (heard as "you", and taken for V), so that a number can be read over the phone and typed by a candidate;
 * drawn at random (30⁸ ≈ 6.6 × 10¹¹ numbers), so that one number says nothing about the next; never one
 * already issued. The unique constraint on the candidate directory catches the rare case of two numbers drawn
 * alike at the same moment.
 */
@Component
public class RegistrationNumbers {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;
    /** With 6.6 × 10¹¹ numbers a draw only fails this often when the space is nearly used up. */
    static final int DRAWS = 100;

    static final long NUMBER_COUNT = pow(ALPHABET.length(), LENGTH);
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    private final CandidateDirectory candidates;
    private final Random random;

    @Autowired
    public RegistrationNumbers(CandidateDirectory candidates) {
        this(candidates, new SecureRandom());
    }

    RegistrationNumbers(CandidateDirectory candidates, Random random) {
        this.candidates = candidates;
        this.random = random;
    }

    public String issue() {
        for (int draw = 0; draw < DRAWS; draw++) {
            String number = spell(random.nextLong(NUMBER_COUNT));
            if (!candidates.registrationNumberTaken(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No unused registration number found in " + DRAWS + " draws");
    }

    /** Whether {@code text} could be a registration number (exactly as issued: capitals, no spaces). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The draw written in base 30 with {@link #ALPHABET} as digits, padded to {@link #LENGTH}. */
    static String spell(long draw) {
        char[] number = new char[LENGTH];
        long rest = draw;
        for (int i = LENGTH - 1; i >= 0; i--) {
            number[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        return new String(number);
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
