package org.awardinghub.events.user;

import java.util.EnumSet;
import java.util.Set;

public enum Role {
    IMI_ADMIN,
    AUDITOR,
    CENTRE_COORDINATOR,
    CENTRE_ADMIN,
    INVIGILATOR,
    ASSESSOR,
    IQA,
    /** A candidate's own account, created by their centre: opens only that candidate's ePortfolio. */
    CANDIDATE;

    /** Roles of awarding-organisation staff, who belong to no centre. */
    public static final Set<Role> IMI_STAFF = EnumSet.of(IMI_ADMIN, AUDITOR);

    public boolean isImiStaff() {
        return IMI_STAFF.contains(this);
    }
}
