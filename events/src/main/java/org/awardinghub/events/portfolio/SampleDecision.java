package org.awardinghub.events.portfolio;

/** What an IQA decided about a sampled unit sign-off. */
public enum SampleDecision {
    AGREED,
    SENT_BACK
}
