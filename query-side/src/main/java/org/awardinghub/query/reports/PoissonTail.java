package org.awardinghub.query.reports;

/**
 * The upper tail of a Poisson distribution, exact: the probability of at least {@code k} events where {@code mean}
 * are expected. Summed from the term at {@code k} outward, each term from the one before (a ratio), with the first
 * taken through logarithms, so that neither a large mean nor a large count overflows or underflows a factorial; a
 * first term that underflows means a tail (or its complement) below 10^-300, which is then 0.
 */
final class PoissonTail {

    private static final double PRECISION = 1e-17;

    private PoissonTail() {}

    /** P(X ≥ k) for X Poisson with this mean. */
    static double atLeast(long k, double mean) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        if (k > mean) {
            // the terms fall from k upward: sum them
            double term = Math.exp(logProbability(k, mean));
            double sum = 0;
            for (long i = k; term > sum * PRECISION; i++) {
                sum += term;
                term *= mean / (i + 1);
            }
            return Math.min(1, sum);
        }
        // k at or below the mean: 1 - P(X ≤ k - 1), whose terms fall from k - 1 downward
        double term = Math.exp(logProbability(k - 1, mean));
        double below = 0;
        for (long i = k - 1; i >= 0 && term > below * PRECISION; i--) {
            below += term;
            term *= i / mean;
        }
        return Math.max(0, 1 - below);
    }

    /** ln P(X = k) = k ln(mean) - mean - ln(k!). */
    private static double logProbability(long k, double mean) {
        double logFactorial = 0;
        for (long i = 2; i <= k; i++) {
            logFactorial += Math.log(i);
        }
        return k * Math.log(mean) - mean - logFactorial;
    }
}
