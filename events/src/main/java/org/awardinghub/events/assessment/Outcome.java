package org.awardinghub.events.assessment;

/** The result of a marked attempt against the pass mark in force when it was opened. */
public enum Outcome {
    PASS,
    FAIL
}
