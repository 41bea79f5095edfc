package org.awardinghub.query.centre;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;

public record CentreView(
        String centreId,
        String centreNumber,
        String name,
        String address,
        String contactEmail,
        CentreStatus status,
        boolean directClaimStatus,
        List<String> qualificationCodes,
        List<Sanction> sanctions,
        Instant appliedAt,
        Instant approvedAt,
        Instant updatedAt) {}
