package org.awardinghub.events.qualification;

import java.util.List;

/**
 * A qualification entered the catalogue with its units, assessments and item banks.
 * Item banks hold the answer key: this event stays on the server side, like every event.
 */
public record QualificationPublished(String code, String title, int level, List<Unit> units,
                                     List<Assessment> assessments) {

    public record Unit(String code, String title) {
    }

    public record Assessment(String code, String title, String unitCode, int questionCount, int durationMinutes,
                             int passPercent, List<Item> items) {
    }

    /** A multiple-choice item; {@code correctOption} is the 0-based index into {@code options}. */
    public record Item(String itemId, String stem, List<String> options, int correctOption) {
    }
}
