package org.awardinghub.query.audit.rules;

import java.util.List;

/** A rule or its parameters as asked cannot run: each problem names its field (answered 400). */
public class RuleRefused extends RuntimeException {

    /** One field's problem. */
    public record Problem(String field, String message) {}

    private final transient List<Problem> problems;

    public RuleRefused(List<Problem> problems) {
        super(problems.stream()
                .map(Problem::message)
                .reduce((a, b) -> a + "; " + b)
                .orElse("refused"));
        this.problems = List.copyOf(problems);
    }

    public RuleRefused(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
