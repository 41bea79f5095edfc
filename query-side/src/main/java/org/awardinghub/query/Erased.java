package org.awardinghub.query;

import org.awardinghub.events.PersonalData;

/**
 * What a read model keeps of a personal value once its data subject is erased (ADR 0165): the values the events
 * themselves read as then, so that a read model brought up to date by the erasure and one rebuilt by a replay hold
 * the same. A text there was becomes {@link PersonalData#ERASED}; a text there was not stays null, as it does in the
 * events; dates, evidence files and other values become null, lists empty (as the projections set them).
 */
public final class Erased {

    private Erased() {}

    /** {@link PersonalData#ERASED} for a text there was; null stays null. */
    public static String text(String value) {
        return value == null ? null : PersonalData.ERASED;
    }

    /** Whether the text is one an erasure left: its subject's value is gone. */
    public static boolean is(String value) {
        return PersonalData.ERASED.equals(value);
    }
}
