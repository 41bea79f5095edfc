package org.awardinghub.query.qualification;

import java.util.List;

/** The public face of a qualification: never the item bank nor its answer key. */
public record QualificationView(String code, String title, int level, List<Unit> units, List<Assessment> assessments) {

    /** {@code portfolio}: assessed by ePortfolio evidence against {@code criteria}. */
    public record Unit(String code, String title, boolean portfolio, List<Criterion> criteria) {

        public Unit(String code, String title) {
            this(code, title, false, List.of());
        }
    }

    public record Criterion(String code, String text) {}

    public record Assessment(
            String code,
            String title,
            String unitCode,
            int questionCount,
            int durationMinutes,
            int passPercent,
            int itemBankSize) {}
}
