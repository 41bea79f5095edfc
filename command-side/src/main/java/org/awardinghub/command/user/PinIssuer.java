package org.awardinghub.command.user;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues PINs: eight digits, not starting with 0 (so they survive spreadsheets), drawn at random so that one
 * PIN says nothing about another, and never one already issued. The unique constraint on the user directory
 * catches the rare case of two PINs drawn alike at the same moment.
 */
@Component
class PinIssuer {

    static final int FIRST_PIN = 10_000_000;
    static final int PIN_COUNT = 90_000_000;
    /** With 90 million PINs a draw only fails this often when the space is nearly used up. */
    static final int DRAWS = 100;

    private static final Pattern FORM = Pattern.compile("[1-9][0-9]{7}");

    private final UserDirectory users;
    private final Random random;

    @Autowired
    public PinIssuer(UserDirectory users) {
        this(users, new SecureRandom());
    }

    PinIssuer(UserDirectory users, Random random) {
        this.users = users;
        this.random = random;
    }

    public String issue() {
        for (int draw = 0; draw < DRAWS; draw++) {
            String pin = Integer.toString(FIRST_PIN + random.nextInt(PIN_COUNT));
            if (!users.pinTaken(pin)) {
                return pin;
            }
        }
        throw new IllegalStateException("No unused PIN found in " + DRAWS + " draws");
    }

    /** A PIN chosen by the installer (the bootstrap admin): the same form as an issued one, and never issued before. */
    public String issueChosen(String pin) {
        if (pin == null || !FORM.matcher(pin).matches()) {
            throw new InvalidCommand("pin", "a PIN is 8 digits and does not start with 0");
        }
        if (users.pinTaken(pin)) {
            throw new RuleViolation("PIN " + pin + " has already been issued");
        }
        return pin;
    }
}
