package org.awardinghub.query.catalogue;

import java.util.List;

/** The public face of a qualification: never the item bank nor its answer key. */
public record QualificationView(String code, String title, int level, List<Unit> units,
                                List<Assessment> assessments) {

    public record Unit(String code, String title) {
    }

    public record Assessment(String code, String title, String unitCode, int questionCount, int durationMinutes,
                             int passPercent, int itemBankSize) {
    }
}
