package org.awardinghub.query.audit.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's parameters as a run uses them: each one given, else its default, checked against its type and limits.
 * In the rule's order, so that a run's record and its digest never depend on the order they were given in.
 */
public final class RuleParameters {

    private final Rule rule;
    private final Map<String, Double> values;

    private RuleParameters(Rule rule, Map<String, Double> values) {
        this.rule = rule;
        this.values = values;
    }

    /**
     * The parameters of {@code rule} from those given (numbers, or text holding one); {@link RuleRefused} naming
     * each unknown name and each value that is not a number of the parameter's type within its limits.
     */
    public static RuleParameters of(Rule rule, Map<String, ?> given) {
        Map<String, ?> asked = given == null ? Map.of() : given;
        List<RuleRefused.Problem> problems = new ArrayList<>();
        for (String name : asked.keySet()) {
            if (rule.parameters().stream()
                    .noneMatch(parameter -> parameter.name().equals(name))) {
                problems.add(new RuleRefused.Problem(
                        "parameters." + name, "The rule " + rule.id() + " has no parameter " + name));
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (RuleParameter parameter : rule.parameters()) {
            Object value = asked.get(parameter.name());
            if (value == null) {
                values.put(parameter.name(), parameter.defaultValue());
                continue;
            }
            String field = "parameters." + parameter.name();
            BigDecimal number;
            try {
                number = value instanceof Number n
                        ? new BigDecimal(n.toString())
                        : new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                problems.add(new RuleRefused.Problem(field, parameter.name() + " must be a number"));
                continue;
            }
            boolean whole = number.stripTrailingZeros().scale() <= 0;
            if (parameter.type() == RuleParameter.Type.INTEGER && !whole) {
                problems.add(new RuleRefused.Problem(field, parameter.name() + " must be a whole number"));
                continue;
            }
            double exact = number.doubleValue();
            if (exact < parameter.min() || exact > parameter.max()) {
                problems.add(new RuleRefused.Problem(
                        field,
                        parameter.name() + " must be between " + parameter.shown(parameter.min()) + " and "
                                + parameter.shown(parameter.max())));
                continue;
            }
            values.put(parameter.name(), exact);
        }
        if (!problems.isEmpty()) {
            throw new RuleRefused(problems);
        }
        return new RuleParameters(rule, values);
    }

    public double decimal(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The rule " + rule.id() + " has no parameter " + name);
        }
        return value;
    }

    public int integer(String name) {
        return (int) Math.round(decimal(name));
    }

    /** Every parameter and its value, in the rule's order. */
    public Map<String, Double> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Every parameter as the API shows it: whole numbers without a decimal point. */
    public Map<String, Number> shown() {
        Map<String, Number> shown = new LinkedHashMap<>();
        for (RuleParameter parameter : rule.parameters()) {
            shown.put(parameter.name(), parameter.shown(values.get(parameter.name())));
        }
        return shown;
    }
}
