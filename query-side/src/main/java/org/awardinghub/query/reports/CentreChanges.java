package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The changes in time order. {@code change}: APPROVED (and APPROVED_WITH_DCS), SUSPENDED, REINSTATED, WITHDRAWN,
 * SANCTION_IMPOSED_REGISTRATIONS / _CERTIFICATION, SANCTION_LIFTED_..., DCS_GRANTED, DCS_REMOVED.
 */
public record CentreChanges(String centreId, LocalDate from, LocalDate to, List<Change> changes) {

    public record Change(Instant at, String centreId, String change, String reason) {}
}
