package org.awardinghub.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PinIssuerTest {

    LookupDatabase database;
    UserDirectory users;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        users = database.lookup(UserDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    void issueTo(String userId, String pin) {
        database.apply(new UserCreated(
                userId, pin, "User " + userId, userId + "@centre.ac.uk", Set.of(Role.ASSESSOR), "centre-1"));
    }

    @Test
    void whenIssued_thenEightDigitsNotStartingWithZero() {
        PinIssuer issuer = new PinIssuer(users);
        for (int i = 0; i < 500; i++) {
            assertThat(issuer.issue()).matches("[1-9][0-9]{7}");
        }
    }

    @Test
    void givenTheFirstDrawnPinIssued_whenIssuedWithTheSameDraws_thenADifferentPin() {
        String first = new PinIssuer(users, new Random(42)).issue();
        issueTo("user-1", first);

        String second = new PinIssuer(users, new Random(42)).issue();

        assertThat(second).isNotEqualTo(first).matches("[1-9][0-9]{7}");
    }

    @Test
    void givenPinsOfDeactivatedUsers_whenIssuedWithTheSameDraws_thenNoneIsReused() {
        Set<String> issued = new HashSet<>();
        for (int n = 0; n < 20; n++) {
            String pin = new PinIssuer(users, new Random(7)).issue();
            assertThat(issued).doesNotContain(pin);
            issued.add(pin);
            issueTo("user-" + n, pin);
            database.apply(new UserDeactivated("user-" + n, "centre-1", "Left"));
        }
    }

    @Test
    void givenEveryDrawnPinTaken_whenIssued_thenItGivesUpRatherThanLoopForever() {
        Random alwaysLowest = new Random() {
            @Override
            public int nextInt(int bound) {
                return 0;
            }
        };
        issueTo("user-1", "10000000");
        assertThatThrownBy(() -> new PinIssuer(users, alwaysLowest).issue()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenHighestDraw_whenIssued_thenTheHighestPin() {
        Random alwaysHighest = new Random() {
            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
        assertThat(new PinIssuer(users, alwaysHighest).issue()).isEqualTo("99999999");
    }

    @Test
    void givenChosenPinFree_whenIssued_thenThatPin() {
        assertThat(new PinIssuer(users).issueChosen("87654321")).isEqualTo("87654321");
    }

    @Test
    void givenChosenPinIssuedBefore_whenIssued_thenRefused() {
        issueTo("user-1", "87654321");
        assertThatThrownBy(() -> new PinIssuer(users).issueChosen("87654321")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void givenChosenPinMalformed_whenIssued_thenRefusedOnPin() {
        for (String pin : new String[] {"01234567", "1234567", "123456789", "1234567a", ""}) {
            assertThatThrownBy(() -> new PinIssuer(users).issueChosen(pin))
                    .isInstanceOfSatisfying(
                            InvalidCommand.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("pin"));
        }
    }
}
