package org.awardinghub.query.audit.rules;

/**
 * A parameter of a rule: its name, whether it is a whole number or a decimal, its default and its limits (both
 * inclusive), and what it means.
 */
public record RuleParameter(String name, Type type, double defaultValue, double min, double max, String description) {

    public enum Type {
        INTEGER,
        DECIMAL
    }

    public static RuleParameter integer(String name, int defaultValue, int min, int max, String description) {
        return new RuleParameter(name, Type.INTEGER, defaultValue, min, max, description);
    }

    public static RuleParameter decimal(String name, double defaultValue, double min, double max, String description) {
        return new RuleParameter(name, Type.DECIMAL, defaultValue, min, max, description);
    }

    /** The value as the API shows it: a whole number without a decimal point. */
    public Number shown(double value) {
        return type == Type.INTEGER ? (Number) Math.round(value) : (Number) value;
    }
}
