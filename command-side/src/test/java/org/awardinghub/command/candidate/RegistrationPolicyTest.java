package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

    static final LocalDate START = LocalDate.parse("2026-09-01");

    @Test
    void givenDefaultPolicy_whenRegistered90DaysAfterTheStart_thenInTime() {
        RegistrationPolicy policy = new RegistrationPolicy(RegistrationPolicy.DEFAULT_LATE_AFTER_DAYS);
        assertThat(policy.lateAfterDays()).isEqualTo(90);
        assertThat(policy.isLate(START, START.plusDays(90))).isFalse();
    }

    @Test
    void givenDefaultPolicy_whenRegistered91DaysAfterTheStart_thenLate() {
        assertThat(new RegistrationPolicy(90).isLate(START, START.plusDays(91))).isTrue();
    }

    @Test
    void givenDefaultPolicy_whenRegisteredBeforeTheStart_thenInTime() {
        assertThat(new RegistrationPolicy(90).isLate(START, START.minusDays(30)))
                .isFalse();
    }

    @Test
    void givenThirtyDayPolicy_whenRegistered31DaysAfterTheStart_thenLate() {
        RegistrationPolicy policy = new RegistrationPolicy(30);
        assertThat(policy.isLate(START, START.plusDays(30))).isFalse();
        assertThat(policy.isLate(START, START.plusDays(31))).isTrue();
    }

    @Test
    void givenNegativeDays_whenConfigured_thenRefused() {
        assertThatThrownBy(() -> new RegistrationPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
