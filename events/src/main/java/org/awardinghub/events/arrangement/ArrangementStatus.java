package org.awardinghub.events.arrangement;

/**
 * Where an access arrangement stands: requested and awaiting IMI, approved (applies from then on), rejected, or
 * withdrawn (pending or approved, it applies no longer).
 */
public enum ArrangementStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
