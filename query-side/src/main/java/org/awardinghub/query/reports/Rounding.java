package org.awardinghub.query.reports;

/** How the reports round their figures: half up, rates to one decimal, means and deviations to two. */
final class Rounding {

    private Rounding() {}

    /** {@code part} of {@code whole} in percent, to one decimal; 0 when there is no whole. */
    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double twoDecimals(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
