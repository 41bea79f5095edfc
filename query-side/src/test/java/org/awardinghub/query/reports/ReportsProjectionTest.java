package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.ClaimRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Late registrations per centre, kept as counters and summed over any period, centre and qualification. */
class ReportsProjectionTest {

    private static final LocalDate MAY_1 = LocalDate.parse("2026-05-01");

    private ReportsDatabase reports;
    private ReportsProjection projection;

    @BeforeEach
    void database() {
        reports = new ReportsDatabase();
        projection = reports.projection;
    }

    @AfterEach
    void close() {
        reports.close();
    }

    private void registered(String centre, String qualification, LocalDate on, boolean late) {
        projection.on(new CandidateRegistered(
                UUID.randomUUID().toString(),
                centre,
                "ABCD2345",
                "Ada",
                "Byron",
                LocalDate.parse("2004-01-01"),
                null,
                qualification,
                on.minusDays(late ? 120 : 10),
                on,
                late,
                false));
    }

    @Test
    void givenRegistrations_whenReported_thenLateCountedPerCentreWithinTheFilters() {
        registered("c1", "LV2", MAY_1, true);
        registered("c1", "LV2", MAY_1, false);
        registered("c1", "MC2", MAY_1.plusDays(1), true);
        registered("c1", "LV2", MAY_1.plusDays(40), false);
        registered("c2", "LV2", MAY_1, false);

        LateRegistrations all = projection.handle(new LateRegistrationsReport(null, null, null, null));
        assertThat(all.centres())
                .containsExactly(
                        new LateRegistrations.Row("c1", 4, 2, 50.0), new LateRegistrations.Row("c2", 1, 0, 0.0));
        assertThat(projection
                        .handle(new LateRegistrationsReport("c1", "LV2", null, null))
                        .centres())
                .containsExactly(new LateRegistrations.Row("c1", 3, 1, 33.3));
        assertThat(projection
                        .handle(new LateRegistrationsReport(null, null, MAY_1, MAY_1.plusDays(1)))
                        .centres())
                .containsExactly(
                        new LateRegistrations.Row("c1", 3, 2, 66.7), new LateRegistrations.Row("c2", 1, 0, 0.0));
        assertThat(projection
                        .handle(new LateRegistrationsReport("c3", null, null, null))
                        .centres())
                .isEmpty();
    }

    private static final Instant CLAIMED = Instant.parse("2026-05-01T09:00:00Z");

    private void claimed(String claim, String centre, Instant at) {
        projection.on(new CertificateClaimed(
                claim,
                "k-" + claim,
                "ABCD2345",
                centre,
                "LV2",
                "Ada Byron",
                false,
                List.of("a1"),
                "u1",
                "10000002",
                at));
    }

    private void issued(String claim, String centre, Instant at) {
        projection.on(new CertificateIssued(
                claim,
                "k-" + claim,
                centre,
                "LV2",
                "C" + claim,
                "Ada Byron",
                LocalDate.ofInstant(at, ZoneOffset.UTC),
                at,
                true));
    }

    @Test
    void givenClaims_whenTurnaroundReported_thenDaysToIssueAndAwaitingByAge() {
        claimed("q1", "c1", CLAIMED);
        issued("q1", "c1", CLAIMED.plus(Duration.ofDays(3)));
        claimed("q2", "c1", CLAIMED);
        issued("q2", "c1", CLAIMED.plus(Duration.ofDays(6)));
        claimed("q3", "c1", CLAIMED.plus(Duration.ofDays(20)));
        claimed("q4", "c2", CLAIMED);
        projection.on(new ClaimRejected("q4", "k-q4", "c2", "LV2", "No evidence"), CLAIMED.plus(Duration.ofDays(1)));
        claimed("q5", "c2", CLAIMED);
        Instant now = CLAIMED.plus(Duration.ofDays(40));

        ClaimTurnaround report = projection.handle(new ClaimTurnaroundReport(null, null, null, null, now));
        assertThat(report.centres())
                .containsExactly(
                        new ClaimTurnaround.Row("c1", 2, 4.5, 6L, 1, 0, 0, 1, 0, 20L),
                        new ClaimTurnaround.Row("c2", 0, null, null, 1, 0, 0, 0, 1, 40L));
        LocalDate issueDay = LocalDate.ofInstant(CLAIMED.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        assertThat(projection
                        .handle(new ClaimTurnaroundReport("c1", null, issueDay, issueDay, now))
                        .centres())
                .containsExactly(new ClaimTurnaround.Row("c1", 1, 3.0, 3L, 1, 0, 0, 1, 0, 20L));
    }

    @Test
    void givenCentreStandingChanges_whenReported_thenInTimeOrderWithReasonsWithinThePeriod() {
        projection.on(new CentreApproved("c1", "100001", List.of("LV2"), false), "e1", CLAIMED);
        projection.on(
                new CentreSanctionImposed("c1", Sanction.CERTIFICATION, "Claims without evidence"),
                "e2",
                CLAIMED.plus(Duration.ofDays(2)));
        projection.on(new DirectClaimStatusGranted("c2", "Strong record"), "e3", CLAIMED.plus(Duration.ofDays(3)));
        projection.on(
                new CentreSanctionLifted("c1", Sanction.CERTIFICATION, "Evidence now kept"),
                "e4",
                CLAIMED.plus(Duration.ofDays(9)));

        assertThat(projection.handle(new CentreChangesReport("c1", null, null)).changes())
                .extracting(CentreChanges.Change::change, CentreChanges.Change::reason)
                .containsExactly(
                        tuple("APPROVED", null),
                        tuple("SANCTION_IMPOSED_CERTIFICATION", "Claims without evidence"),
                        tuple("SANCTION_LIFTED_CERTIFICATION", "Evidence now kept"));
        LocalDate day3 = LocalDate.ofInstant(CLAIMED.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        assertThat(projection.handle(new CentreChangesReport(null, day3, day3)).changes())
                .extracting(CentreChanges.Change::centreId, CentreChanges.Change::change)
                .containsExactly(tuple("c2", "DCS_GRANTED"));
    }

    @Test
    void givenFigures_whenReset_thenEmpty() {
        registered("c1", "LV2", MAY_1, true);
        claimed("q1", "c1", CLAIMED);
        projection.reset();
        assertThat(projection
                        .handle(new LateRegistrationsReport(null, null, null, null))
                        .centres())
                .isEmpty();
        assertThat(projection
                        .handle(new ClaimTurnaroundReport(null, null, null, null, CLAIMED))
                        .centres())
                .isEmpty();
    }
}
