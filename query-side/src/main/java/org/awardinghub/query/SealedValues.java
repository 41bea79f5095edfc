package org.awardinghub.query;

/**
 * Opens the personal values a relational read model keeps as the event store stored them, sealed with their data
 * subject's key (ADR 0163): the audit log keeps events exactly as stored, so that its hash chain covers what is
 * stored, and opens them only to answer. A value whose subject was erased reads as erased.
 */
@FunctionalInterface
public interface SealedValues {

    /** Nothing sealed is opened: for tests of read models that never see a sealed value. */
    SealedValues NONE = (field, stored) -> stored;

    /** The value of field {@code field} as recorded: opened when sealed, as stored otherwise. */
    Object open(String field, Object stored);
}
