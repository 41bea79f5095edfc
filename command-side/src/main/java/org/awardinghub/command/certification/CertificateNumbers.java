package org.awardinghub.command.certification;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;
import org.awardinghub.command.TypedCode;
import org.awardinghub.command.candidate.RegistrationNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues certificate numbers: {@code C} followed by nine characters drawn one by one with a {@link SecureRandom}
 * from the registration numbers' alphabet, which leaves out the look-alikes 0/O and 1/I/L, and U, so that a number
 * printed on a certificate can be read out and typed back (e.g. {@code C7KQ3MZ9BX}). 30⁹ ≈ 2.0 × 10¹³ numbers,
 * about 44 bits: one number says nothing about the next, and numbers cannot be walked through in sequence. The
 * number is public; what proves a certificate is the verification code that goes with it
 * ({@link VerificationCodes}). Never one already issued: the table of certificates is asked, and its primary key
 * (with that of the codes) catches two numbers drawn alike at the same moment.
 */
@Component
public class CertificateNumbers {

    public static final String PREFIX = "C";
    public static final String ALPHABET = RegistrationNumbers.ALPHABET;
    /** The drawn characters after the prefix. */
    public static final int DRAWN_LENGTH = 9;

    public static final int LENGTH = PREFIX.length() + DRAWN_LENGTH;
    /** With 2 × 10¹³ numbers a draw only fails this often when the space is nearly used up. */
    static final int DRAWS = 100;

    private static final Pattern FORM = Pattern.compile(PREFIX + "[" + ALPHABET + "]{" + DRAWN_LENGTH + "}");

    private final CertificateDirectory register;
    private final Random random;

    @Autowired
    public CertificateNumbers(CertificateDirectory register) {
        this(register, new SecureRandom());
    }

    /** With {@code random} drawing the characters (tests pin it). */
    CertificateNumbers(CertificateDirectory register, Random random) {
        this.register = register;
        this.random = random;
    }

    public String issue() {
        for (int draw = 0; draw < DRAWS; draw++) {
            String number = draw(random);
            if (!register.numberTaken(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No unused certificate number found in " + DRAWS + " draws");
    }

    /** Whether {@code text} could be a certificate number, exactly as issued (capitals, no spaces). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** One number: the prefix and {@link #DRAWN_LENGTH} independent, uniform draws from {@link #ALPHABET}. */
    static String draw(Random random) {
        return PREFIX + TypedCode.draw(random, ALPHABET, DRAWN_LENGTH);
    }
}
