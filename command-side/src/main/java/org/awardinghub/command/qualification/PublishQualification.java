package org.awardinghub.command.qualification;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The qualification code is the aggregate's identity, so a second one with the same code is refused. */
public record PublishQualification(@TargetAggregateIdentifier String code, String title, int level,
                                   List<UnitSpec> units, List<AssessmentSpec> assessments) {

    public record UnitSpec(String code, String title) {
    }

    public record AssessmentSpec(String code, String title, String unitCode, int questionCount, int durationMinutes,
                                 int passPercent, List<ItemSpec> items) {
    }

    public record ItemSpec(String stem, List<String> options, int correctOption) {
    }
}
