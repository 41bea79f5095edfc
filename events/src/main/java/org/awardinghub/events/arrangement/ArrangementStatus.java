package org.awardinghub.events.arrangement;

/** Where an access arrangement stands: requested and awaiting IMI, approved (applies from then on), or rejected. */
public enum ArrangementStatus {
    PENDING,
    APPROVED,
    REJECTED
}
