package org.awardinghub.query.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.events.user.Role;

/**
 * A centre's personnel report: every user of the centre, active or not, by name (without letter case, then id).
 * {@code createdByPin} is the PIN that created the user (null when the event recorded none); {@code failedSignIns},
 * {@code lockOuts} and {@code fairAccess} count the report's period; {@code workload} is null for a user who is
 * neither ASSESSOR nor IQA, and for everyone while no ePortfolio provides {@link PersonnelWorkloads}. Roles in the
 * enum's order (a list, so that the order holds wherever the answer is serialized).
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
            FairAccess fairAccess,
            Workload workload) {}

    /**
     * What one user did about fair access at the centre in the period, each count an event recorded under their user
     * id: the insider's signal, read beside their sign-ins (ADR 0161). Incidents count when they were recorded, not
     * when they happened.
     */
    public record FairAccess(
            long accessArrangementsRequested,
            long specialConsiderationsAppliedFor,
            long resultEnquiriesRaised,
            long appealsLodged,
            long incidentsRecorded,
            long attemptsPaused) {

        /** Nothing done in the period. */
        public static final FairAccess NONE = new FairAccess(0, 0, 0, 0, 0, 0);
    }
}
