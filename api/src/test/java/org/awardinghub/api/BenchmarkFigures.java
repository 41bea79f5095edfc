package org.awardinghub.api;

import java.util.Locale;

/** How the benchmarks time their steps and write a figure against its target. */
final class BenchmarkFigures {

    private BenchmarkFigures() {}

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
