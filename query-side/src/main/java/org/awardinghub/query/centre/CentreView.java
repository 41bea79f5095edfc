package org.awardinghub.query.centre;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;

/**
 * A centre's profile. {@code version} is the sequence number of the centre's last event: the aggregate's version,
 * which the API answers as the profile's ETag and an amendment of the details may name in {@code If-Match}.
 */
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
        Instant updatedAt,
        long version) {}
