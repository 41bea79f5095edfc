package org.awardinghub.command.arrangement;

import org.awardinghub.events.arrangement.ArrangementKind;

/** The access arrangements of every candidate, as the command side's lookup table keeps them. */
public interface ArrangementDirectory {

    /** The candidate's approved arrangements in force now, combined; {@link Adjustments#NONE} without any. */
    Adjustments inForce(String candidateId);

    /** Whether the candidate has a request of that kind still awaiting IMI's decision. */
    boolean pending(String candidateId, ArrangementKind kind);
}
