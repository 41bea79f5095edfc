package org.awardinghub.query.audit.rules;

/** A span of time as a breach's summary gives it: "2 d 3 h", "5 h 12 min", "9 min 30 s", "42 s". */
final class Elapsed {

    private Elapsed() {}

    static String words(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + rest + " s";
        }
        return rest + " s";
    }
}
