package org.awardinghub.events.qualification;

import java.util.List;

/**
 * A qualification entered the catalogue with its units, assessments and item banks.
 * Item banks hold the answer key: this event stays on the server side, like every event.
 */
public record QualificationPublished(
        String code, String title, int level, List<Unit> units, List<Assessment> assessments) {

    /**
     * A unit; {@code portfolio} when it is assessed by ePortfolio evidence against its {@code criteria}. Events
     * published before units had criteria read as no criteria and not portfolio ({@link #criteriaOrEmpty()}).
     */
    public record Unit(String code, String title, List<Criterion> criteria, boolean portfolio) {

        public Unit(String code, String title) {
            this(code, title, List.of(), false);
        }

        public List<Criterion> criteriaOrEmpty() {
            return criteria == null ? List.of() : criteria;
        }
    }

    /** An assessment criterion of a unit, e.g. {@code 1.1}. */
    public record Criterion(String code, String text) {}

    public record Assessment(
            String code,
            String title,
            String unitCode,
            int questionCount,
            int durationMinutes,
            int passPercent,
            List<Item> items) {}

    /** A multiple-choice item; {@code correctOption} is the 0-based index into {@code options}. */
    public record Item(String itemId, String stem, List<String> options, int correctOption) {}
}
