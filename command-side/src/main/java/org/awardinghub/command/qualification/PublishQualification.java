package org.awardinghub.command.qualification;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The qualification code is the aggregate's identity, so a second one with the same code is refused. */
public record PublishQualification(
        @TargetAggregateIdentifier String code,
        String title,
        int level,
        List<UnitSpec> units,
        List<AssessmentSpec> assessments) {

    /** {@code portfolio}: assessed by ePortfolio evidence against {@code criteria} (null: none). */
    public record UnitSpec(String code, String title, List<CriterionSpec> criteria, boolean portfolio) {

        public UnitSpec(String code, String title) {
            this(code, title, List.of(), false);
        }
    }

    public record CriterionSpec(String code, String text) {}

    public record AssessmentSpec(
            String code,
            String title,
            String unitCode,
            int questionCount,
            int durationMinutes,
            int passPercent,
            List<ItemSpec> items) {}

    public record ItemSpec(String stem, List<String> options, int correctOption) {}
}
