package org.awardinghub.query.audit.rules;

/**
 * One run's state of a rule: fed the rule's events of the window in global order, once each; it keeps only what
 * a later event may need (for example each candidate's latest failed attempt) and reports a breach as soon as the
 * event that completes it arrives.
 */
@FunctionalInterface
public interface Matcher {

    void on(LoggedEvent event);
}
