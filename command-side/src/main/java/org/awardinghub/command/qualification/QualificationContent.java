package org.awardinghub.command.qualification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.command.qualification.PublishQualification.AssessmentSpec;
import org.awardinghub.command.qualification.PublishQualification.CriterionSpec;
import org.awardinghub.command.qualification.PublishQualification.ItemSpec;
import org.awardinghub.command.qualification.PublishQualification.UnitSpec;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Criterion;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;

/**
 * The rules a qualification's units, assessments and item bank must meet before publication. Pure: the only
 * outside knowledge, which assessment codes other qualifications use, is passed in. Field names point into the
 * command, 0-based, e.g. {@code assessments[1].items[3].correctOption}.
 */
final class QualificationContent {

    static final int TITLE_MAX_LENGTH = 200;
    static final int MIN_LEVEL = 1;
    static final int MAX_LEVEL = 8;
    static final int MAX_DURATION_MINUTES = 300;
    static final int MIN_PASS_PERCENT = 1;
    static final int MAX_PASS_PERCENT = 100;
    static final int STEM_MAX_LENGTH = 1000;
    static final int OPTION_MAX_LENGTH = 1000;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 6;
    static final int CRITERION_CODE_MAX_LENGTH = 16;

    private QualificationContent() {}

    /** The event that publishes {@code command}; its code is checked (and trimmed) by the caller. */
    static QualificationPublished checked(
            String code, PublishQualification command, Predicate<String> assessmentCodeTakenElsewhere) {
        String title = Text.required("title", command.title(), TITLE_MAX_LENGTH);
        int level = Text.between("level", command.level(), MIN_LEVEL, MAX_LEVEL);
        List<Unit> units = units(command.units());
        Set<String> unitCodes = new HashSet<>();
        units.forEach(unit -> unitCodes.add(unit.code()));
        List<Assessment> assessments = assessments(command.assessments(), unitCodes, assessmentCodeTakenElsewhere);
        return new QualificationPublished(code, title, level, units, assessments);
    }

    static int passPercent(String field, int value) {
        return Text.between(field, value, MIN_PASS_PERCENT, MAX_PASS_PERCENT);
    }

    /** Item ids are stable and readable in an investigation: the assessment code and the item's position. */
    static String itemId(String assessmentCode, int position) {
        return String.format("%s-Q%03d", assessmentCode, position);
    }

    private static List<Unit> units(List<UnitSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidCommand("units", "at least one unit is required");
        }
        List<Unit> units = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = "units[" + i + "]";
            UnitSpec spec = present(field, specs.get(i));
            String code = CatalogueCode.required(field + ".code", spec.code());
            if (!codes.add(code)) {
                throw new InvalidCommand(field + ".code", "unit code " + code + " appears more than once");
            }
            String title = Text.required(field + ".title", spec.title(), TITLE_MAX_LENGTH);
            List<Criterion> criteria = criteria(field, spec.criteria());
            if (spec.portfolio() && criteria.isEmpty()) {
                throw new InvalidCommand(
                        field + ".criteria", "a unit assessed by portfolio needs at least one criterion");
            }
            units.add(new Unit(code, title, criteria, spec.portfolio()));
        }
        return List.copyOf(units);
    }

    private static List<Criterion> criteria(String unitField, List<CriterionSpec> specs) {
        if (specs == null) {
            return List.of();
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = unitField + ".criteria[" + i + "]";
            CriterionSpec spec = present(field, specs.get(i));
            String code = Text.required(field + ".code", spec.code(), CRITERION_CODE_MAX_LENGTH);
            if (!codes.add(code)) {
                throw new InvalidCommand(
                        field + ".code", "criterion code " + code + " appears more than once in" + " the unit");
            }
            criteria.add(new Criterion(code, Text.requiredLines(field + ".text", spec.text(), STEM_MAX_LENGTH)));
        }
        return List.copyOf(criteria);
    }

    private static List<Assessment> assessments(
            List<AssessmentSpec> specs, Set<String> unitCodes, Predicate<String> takenElsewhere) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidCommand("assessments", "at least one assessment is required");
        }
        List<Assessment> assessments = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = "assessments[" + i + "]";
            AssessmentSpec spec = present(field, specs.get(i));
            String code = CatalogueCode.required(field + ".code", spec.code());
            if (!codes.add(code)) {
                throw new InvalidCommand(field + ".code", "assessment code " + code + " appears more than once");
            }
            if (takenElsewhere.test(code)) {
                throw new InvalidCommand(
                        field + ".code", "assessment code " + code + " is already used by another qualification");
            }
            String title = Text.required(field + ".title", spec.title(), TITLE_MAX_LENGTH);
            String unitCode = spec.unitCode() == null ? null : spec.unitCode().strip();
            if (unitCode == null || !unitCodes.contains(unitCode)) {
                throw new InvalidCommand(field + ".unitCode", "unitCode must name one of this qualification's units");
            }
            if (spec.items() == null || spec.items().isEmpty()) {
                throw new InvalidCommand(field + ".items", "at least one item is required");
            }
            int questionCount = Text.between(
                    field + ".questionCount",
                    spec.questionCount(),
                    1,
                    spec.items().size());
            int duration = Text.between(field + ".durationMinutes", spec.durationMinutes(), 1, MAX_DURATION_MINUTES);
            int passPercent = passPercent(field + ".passPercent", spec.passPercent());
            List<Item> items = items(field, code, spec.items());
            assessments.add(new Assessment(code, title, unitCode, questionCount, duration, passPercent, items));
        }
        return List.copyOf(assessments);
    }

    private static List<Item> items(String assessmentField, String assessmentCode, List<ItemSpec> specs) {
        List<Item> items = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            String field = assessmentField + ".items[" + j + "]";
            ItemSpec spec = present(field, specs.get(j));
            String stem = Text.requiredLines(field + ".stem", spec.stem(), STEM_MAX_LENGTH);
            List<String> options = options(field + ".options", spec.options());
            int correct = Text.between(field + ".correctOption", spec.correctOption(), 0, options.size() - 1);
            items.add(new Item(itemId(assessmentCode, j + 1), stem, options, correct));
        }
        return List.copyOf(items);
    }

    private static List<String> options(String field, List<String> given) {
        if (given == null || given.size() < MIN_OPTIONS || given.size() > MAX_OPTIONS) {
            throw new InvalidCommand(field, "between " + MIN_OPTIONS + " and " + MAX_OPTIONS + " options are required");
        }
        List<String> options = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < given.size(); k++) {
            String option = Text.required(field + "[" + k + "]", given.get(k), OPTION_MAX_LENGTH);
            Integer earlier = seen.putIfAbsent(option, k);
            if (earlier != null) {
                throw new InvalidCommand(field + "[" + k + "]", "option repeats " + field + "[" + earlier + "]");
            }
            options.add(option);
        }
        return List.copyOf(options);
    }

    private static <T> T present(String field, T spec) {
        if (spec == null) {
            throw new InvalidCommand(field, field + " is required");
        }
        return spec;
    }
}
