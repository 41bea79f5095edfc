package org.awardinghub.api.qualification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.qualification.PublishQualification;

/**
 * A qualification as IMI publishes it ({@code POST /api/qualifications}) and as the sample catalogue is written.
 * Shapes are checked here; the catalogue's rules (codes, ranges, the answer key) by the aggregate.
 */
record QualificationDefinition(
        @NotBlank @Size(max = 32) @SingleLine String code,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotNull Integer level,
        @NotEmpty List<@Valid @NotNull Unit> units,
        @NotEmpty List<@Valid @NotNull Assessment> assessments) {

    /** {@code portfolio} (default false): assessed by ePortfolio evidence against {@code criteria}. */
    public record Unit(
            @NotBlank @SingleLine String code,
            @NotBlank @SingleLine String title,
            List<@Valid @NotNull Criterion> criteria,
            Boolean portfolio) {}

    public record Criterion(
            @NotBlank @SingleLine String code,
            @NotBlank @MultiLine String text) {}

    public record Assessment(
            @NotBlank @SingleLine String code,
            @NotBlank @SingleLine String title,
            @NotBlank @SingleLine String unitCode,
            @NotNull Integer questionCount,
            @NotNull Integer durationMinutes,
            @NotNull Integer passPercent,
            @NotEmpty List<@Valid @NotNull Item> items) {}

    public record Item(
            @NotBlank @MultiLine String stem,
            @NotEmpty List<@NotNull @SingleLine String> options,
            @NotNull Integer correctOption) {}

    public PublishQualification toCommand() {
        return new PublishQualification(
                code.strip(),
                title,
                level,
                units.stream()
                        .map(u -> new PublishQualification.UnitSpec(
                                u.code(),
                                u.title(),
                                u.criteria() == null
                                        ? List.of()
                                        : u.criteria().stream()
                                                .map(c -> new PublishQualification.CriterionSpec(c.code(), c.text()))
                                                .toList(),
                                Boolean.TRUE.equals(u.portfolio())))
                        .toList(),
                assessments.stream()
                        .map(a -> new PublishQualification.AssessmentSpec(
                                a.code(),
                                a.title(),
                                a.unitCode(),
                                a.questionCount(),
                                a.durationMinutes(),
                                a.passPercent(),
                                a.items().stream()
                                        .map(i -> new PublishQualification.ItemSpec(
                                                i.stem(), i.options(), i.correctOption()))
                                        .toList()))
                        .toList());
    }
}
