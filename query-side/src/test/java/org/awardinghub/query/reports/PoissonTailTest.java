package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact Poisson tail the fair-access flag relies on, against values summed to 60 digits elsewhere and given here
 * to 13 significant digits; agreeing to 9 is ample for a flag at 2.5 %.
 */
class PoissonTailTest {

    private static void assertTail(long k, double mean, double expected) {
        assertThat(PoissonTail.atLeast(k, mean)).isCloseTo(expected, within(expected * 1e-9));
    }

    @Test
    void givenFewExpected_whenTheTailIsAsked_thenItIsTheExactOneNotTheNormalApproximation() {
        // 2 cases at 0.4 expected: above two standard errors (0.4 + 2 √0.4 = 1.66), yet a 6 % chance
        assertTail(2, 0.4, 6.155193555010e-02);
        assertTail(3, 0.4, 7.926331867254e-03);
        assertTail(12, 4.8, 3.991663734423e-03);
        assertTail(1, 0.5, 3.934693402874e-01);
    }

    @Test
    void givenCountsBelowTheMean_whenTheTailIsAsked_thenItIsOneLessTheLowerTail() {
        assertTail(5, 5, 5.595067149348e-01);
        assertTail(900, 1000, 9.993774022157e-01);
    }

    @Test
    void givenLargeMeansAndFarTails_whenTheTailIsAsked_thenNoFactorialOverflowsOrUnderflowsItAway() {
        assertTail(1100, 1000, 9.626304058666e-04);
        assertTail(60, 10, 6.521903327818e-27);
        assertThat(PoissonTail.atLeast(100_000, 10)).isZero();
        assertThat(PoissonTail.atLeast(10, 100_000)).isEqualTo(1);
    }

    @Test
    void givenNothingAskedForOrNothingExpected_whenTheTailIsAsked_thenCertainOrImpossible() {
        assertThat(PoissonTail.atLeast(0, 3)).isEqualTo(1);
        assertThat(PoissonTail.atLeast(0, 0)).isEqualTo(1);
        assertThat(PoissonTail.atLeast(1, 0)).isZero();
    }
}
