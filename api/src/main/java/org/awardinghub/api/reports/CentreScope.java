package org.awardinghub.api.reports;

import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.ActingUser;

/**
 * The centre a report or a return is about, for the user asking: IMI staff any centre or none (every centre); a
 * centre's user always their own, and another centre is as unknown to them as a made-up id (404).
 */
final class CentreScope {

    private CentreScope() {}

    static String of(ActingUser user, String requested) {
        String centre = blankToNull(requested);
        if (user.isImiStaff()) {
            return centre;
        }
        if (centre != null && !centre.equals(user.centreId())) {
            throw ApiProblem.notFound("No such centre");
        }
        return user.centreId();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
