package org.awardinghub.query.audit.rules;

import java.util.List;
import java.util.Set;

/**
 * A ready-made rule of the investigators' library: what it looks for over sequences of events, its parameters, the
 * event types and payload fields it reads (the engine reads nothing else), and a fresh {@link Matcher} per run.
 */
public interface Rule {

    /** The rule's id in the library and in recorded runs; never changes once published. */
    String id();

    String title();

    /** What counts as a breach, in an investigator's words. */
    String description();

    List<RuleParameter> parameters();

    /** The event types (as the audit log names them: the payload's simple class name) the rule reads. */
    Set<String> eventTypes();

    /** The top-level payload fields the rule reads; the engine parses only these. */
    Set<String> fields();

    /** Whether each breach is an attempt that the rule, had it been enforced, would have refused. */
    boolean aboutAttempts();

    /** A matcher for one run, fed the rule's events in global order, reporting each breach to {@code findings}. */
    Matcher matcher(RuleParameters parameters, Findings findings);
}
