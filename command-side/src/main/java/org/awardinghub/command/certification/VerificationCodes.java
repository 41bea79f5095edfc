package org.awardinghub.command.certification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import org.awardinghub.command.TypedCode;
import org.awardinghub.command.assessment.AccessKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The verification code of each certificate number: ten characters drawn with a {@link SecureRandom} from the 32
 * letters and digits of the access keys' alphabet (no 0/O, no 1/I), 32¹⁰ = 2⁵⁰ codes. With the public number it
 * proves a certificate to anyone who asks; it is a credential, so it is never in an event. It is kept in clear
 * (table {@code certificate_codes}) because the centre and IMI are shown it and the certificate prints it; the row
 * is written in the issuing command's own transaction, so a code rolled back with its command was never issued.
 * <p>
 * Typed codes are forgiven their case, spaces and hyphens ({@code abcde-fghjk}); a code is compared in constant
 * time, and an unknown number is compared against a stand-in, so the answer's timing says nothing about the code.
 */
@Component
public class VerificationCodes {

    public static final String ALPHABET = AccessKeys.ALPHABET;
    public static final int LENGTH = 10;
    /** Room for a code typed with spaces and hyphens; anything longer is no code and is not looked at. */
    private static final int MAX_TYPED_LENGTH = 40;
    /** Compared against when the number has no code, so that the comparison is made all the same. */
    private static final byte[] STAND_IN = "??????????".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Random random;

    @Autowired
    public VerificationCodes(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, new SecureRandom());
    }

    /** With {@code random} drawing the codes (tests pin it). */
    VerificationCodes(JdbcTemplate jdbc, Clock clock, Random random) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for a newly issued number, answered in clear; the number's primary key refuses a second one. */
    public String issue(String certificateNumber) {
        String code = draw(random);
        jdbc.update(
                "INSERT INTO certificate_codes (certificate_number, code, issued_at) VALUES (?, ?, ?)",
                certificateNumber,
                code,
                clock.instant().toEpochMilli());
        return code;
    }

    /** The number's code, for the centre and IMI to see and for the printed certificate; empty for an unknown one. */
    public Optional<String> codeOf(String certificateNumber) {
        return jdbc
                .queryForList(
                        "SELECT code FROM certificate_codes WHERE certificate_number = ?",
                        String.class,
                        certificateNumber)
                .stream()
                .findFirst();
    }

    /**
     * Whether {@code typed} is the code of the number (typed in any case, with or without spaces and hyphens).
     * False for an unknown number and for a blank or malformed code. Replaced and revoked numbers keep their
     * codes: what they verify as now is the register's to say.
     */
    public boolean matches(String certificateNumber, String typed) {
        String number = normalised(certificateNumber, CertificateNumbers.LENGTH, null);
        String code = normalised(typed, LENGTH, ALPHABET);
        if (number == null || code == null) {
            return false;
        }
        Optional<String> stored = codeOf(number);
        byte[] expected =
                stored.map(value -> value.getBytes(StandardCharsets.US_ASCII)).orElse(STAND_IN);
        boolean same = MessageDigest.isEqual(expected, code.getBytes(StandardCharsets.US_ASCII));
        return stored.isPresent() && same;
    }

    /**
     * Upper-case, without spaces and hyphens; null when blank, overlong, of another length, or (given an
     * {@code alphabet}) holding a character outside it.
     */
    static String normalised(String typed, int length, String alphabet) {
        return TypedCode.normalised(typed, alphabet, length, MAX_TYPED_LENGTH);
    }

    /** One code: {@link #LENGTH} independent, uniform draws from {@link #ALPHABET} (its size is a power of two). */
    static String draw(Random random) {
        return TypedCode.draw(random, ALPHABET, LENGTH);
    }
}
