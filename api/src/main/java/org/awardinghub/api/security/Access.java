package org.awardinghub.api.security;

import java.util.Arrays;
import org.awardinghub.api.audit.CurrentActor;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.events.user.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what, asked at the top of every endpoint. A centre user never learns whether another centre's
 * record exists: reaching across centres answers 404, exactly like an unknown id.
 */
@Component
public class Access {

    public ActingUser current() {
        return CurrentActor.get().orElseThrow(() -> ApiProblem.unauthorized("Sign in first"));
    }

    /** The caller has one of these roles, whatever their centre. */
    public ActingUser requireRole(Role... roles) {
        ActingUser user = current();
        if (!user.hasAny(roles)) {
            throw ApiProblem.forbidden("This needs one of the roles " + Arrays.toString(roles));
        }
        return user;
    }

    /** Reading a centre's records: IMI staff, or any user of that centre. */
    public ActingUser requireReadOf(String centreId) {
        return requireCentre(centreId, true, Role.values());
    }

    /** Reading a centre's records that only some of its users may see: IMI staff, or those roles of it. */
    public ActingUser requireReadOf(String centreId, Role... centreRoles) {
        return requireCentre(centreId, true, centreRoles);
    }

    /** Any user of the centre may act (and IMI_ADMIN). */
    public ActingUser requireChangeOf(String centreId) {
        return requireCentre(centreId, false, Role.values());
    }

    /**
     * Acting on a centre's records: IMI_ADMIN, or a user of that centre holding one of the roles. Auditors read
     * everything and change nothing.
     */
    public ActingUser requireChangeOf(String centreId, Role... centreRoles) {
        return requireCentre(centreId, false, centreRoles);
    }

    private ActingUser requireCentre(String centreId, boolean reading, Role... centreRoles) {
        ActingUser user = current();
        if (user.hasAny(Role.IMI_ADMIN) || (reading && user.hasAny(Role.AUDITOR))) {
            return user;
        }
        if (user.isImiStaff()) {
            throw ApiProblem.forbidden("Auditors read records and change nothing");
        }
        if (!user.belongsTo(centreId)) {
            throw ApiProblem.notFound("No such centre");
        }
        if (!user.hasAny(centreRoles)) {
            throw ApiProblem.forbidden("This needs one of the roles " + Arrays.toString(centreRoles));
        }
        return user;
    }
}
