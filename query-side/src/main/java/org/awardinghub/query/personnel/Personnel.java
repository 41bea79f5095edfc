package org.awardinghub.query.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.events.user.Role;

/**
 * A centre's personnel report: every user of the centre, active or not, by name (without letter case, then id).
 * {@code createdByPin} is the PIN that created the user (null when the event recorded none); {@code failedSignIns}
 * and {@code lockOuts} count the report's period; {@code workload} is null for a user who is neither ASSESSOR nor
 * IQA, and for everyone while no ePortfolio provides {@link PersonnelWorkloads}. Roles in the enum's order (a list,
 * so that the order holds wherever the answer is serialized).
 */
public record Personnel(String centreId, LocalDate from, LocalDate to, List<Person> users) {

    public record Person(
            String userId,
            String name,
            String pin,
            String email,
            List<Role> roles,
            boolean active,
            boolean activated,
            Instant createdAt,
            String createdByPin,
            Instant lastSignInAt,
            long failedSignIns,
            long lockOuts,
            Workload workload) {}
}
