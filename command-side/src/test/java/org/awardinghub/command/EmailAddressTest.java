package org.awardinghub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@centre.org", "ann.smith+hub@mail.centre.ac.uk", "A@B.CO"})
    void givenPlausibleAddress_whenChecked_thenAccepted(String address) {
        assertThat(EmailAddress.required("email", address)).isEqualTo(address);
    }

    @Test
    void givenSurroundingSpaces_whenChecked_thenTrimmed() {
        assertThat(EmailAddress.required("email", "  ann@centre.org \t")).isEqualTo("ann@centre.org");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "ann",
                "ann.centre.org",
                "@centre.org",
                "ann@@centre.org",
                "ann@b@centre.org",
                "ann smith@centre.org",
                "ann@localhost",
                "ann@.org",
                "ann@centre.",
                "ann@centre..org"
            })
    void givenImplausibleAddress_whenChecked_thenRefusedNamingTheField(String address) {
        assertThatThrownBy(() -> EmailAddress.required("contactEmail", address))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("contactEmail"));
    }

    @Test
    void givenAddressLongerThan254_whenChecked_thenRefused() {
        String address = "a".repeat(244) + "@centre.org"; // 255 characters
        assertThatThrownBy(() -> EmailAddress.required("email", address)).isInstanceOf(InvalidCommand.class);
        assertThat(EmailAddress.required("email", address.substring(1))).hasSize(254);
    }

    @Test
    void givenAddressesDifferingInCase_whenCompared_thenSameMailbox() {
        assertThat(EmailAddress.sameMailbox("Ann@Centre.org", "ann@centre.ORG")).isTrue();
        assertThat(EmailAddress.sameMailbox("ann@centre.org", "anne@centre.org"))
                .isFalse();
    }

    @Test
    void givenNull_whenChecked_thenRefused() {
        assertThatThrownBy(() -> EmailAddress.required("email", null)).isInstanceOf(InvalidCommand.class);
    }
}
