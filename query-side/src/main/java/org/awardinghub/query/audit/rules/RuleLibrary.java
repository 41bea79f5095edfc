package org.awardinghub.query.audit.rules;

import java.util.List;
import java.util.Optional;

/** The ready-made rules investigators choose from, in the order the library lists them. */
public final class RuleLibrary {

    public static final List<Rule> RULES = List.of(
            new ResitSoonAfterFail(),
            new InvigilatorIsAssessor(),
            new AmendmentAfterResult(),
            new FastHighScore(),
            new LateCorrections());

    private RuleLibrary() {}

    public static Optional<Rule> rule(String id) {
        return RULES.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
