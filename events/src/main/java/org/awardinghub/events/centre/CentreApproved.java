package org.awardinghub.events.centre;

import java.util.List;

public record CentreApproved(
        String centreId, String centreNumber, List<String> qualificationCodes, boolean directClaimStatus) {}
