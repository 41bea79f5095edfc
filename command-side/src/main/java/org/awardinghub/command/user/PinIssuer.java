package org.awardinghub.command.user;

import java.security.SecureRandom;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues PINs: eight digits, not starting with 0 (so they survive spreadsheets), drawn at random so that one
 * PIN says nothing about another, and never one already issued. The unique constraint on the user directory
 * catches the rare case of two PINs drawn alike at the same moment.
 */
@Component
public class PinIssuer {

    static final int FIRST_PIN = 10_000_000;
    static final int PIN_COUNT = 90_000_000;
    /** With 90 million PINs a draw only fails this often when the space is nearly used up. */
    static final int DRAWS = 100;

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
}
