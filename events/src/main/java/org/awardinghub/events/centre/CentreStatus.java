package org.awardinghub.events.centre;

public enum CentreStatus {
    APPLIED,
    APPROVED,
    SUSPENDED,
    WITHDRAWN
}
