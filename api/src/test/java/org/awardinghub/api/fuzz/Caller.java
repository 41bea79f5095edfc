package org.awardinghub.api.fuzz;

import java.util.EnumSet;
import java.util.Set;
import org.awardinghub.events.user.Role;

/** Who sends a fuzzed request: each of the fixture's signed-in users, the candidate sitting, or nobody. */
enum Caller {
    NOBODY,
    /** A bearer token no session has. */
    STRANGER,
    IMI_ADMIN,
    AUDITOR,
    COORDINATOR,
    CENTRE_ADMIN,
    INVIGILATOR,
    ASSESSOR,
    IQA,
    /** The coordinator of another centre. */
    OTHER_CENTRE,
    /** The candidate sitting the fixture's attempt, with its attempt token. */
    CANDIDATE,
    /** A candidate's own account (role CANDIDATE). */
    LEARNER;

    static final Set<Caller> CENTRE_STAFF = EnumSet.of(COORDINATOR, CENTRE_ADMIN, INVIGILATOR, ASSESSOR, IQA);
    static final Set<Caller> STAFF =
            EnumSet.of(IMI_ADMIN, AUDITOR, COORDINATOR, CENTRE_ADMIN, INVIGILATOR, ASSESSOR, IQA, OTHER_CENTRE);

    static Set<Caller> holding(Role role) {
        return switch (role) {
            case IMI_ADMIN -> EnumSet.of(IMI_ADMIN);
            case AUDITOR -> EnumSet.of(AUDITOR);
            case CENTRE_COORDINATOR -> EnumSet.of(COORDINATOR, OTHER_CENTRE);
            case CENTRE_ADMIN -> EnumSet.of(CENTRE_ADMIN);
            case INVIGILATOR -> EnumSet.of(INVIGILATOR);
            case ASSESSOR -> EnumSet.of(ASSESSOR);
            case IQA -> EnumSet.of(IQA);
            case CANDIDATE -> EnumSet.of(LEARNER);
        };
    }
}
