package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Late registrations per centre, kept as counters and summed over any period, centre and qualification. */
class ReportsProjectionTest {

    private static final LocalDate MAY_1 = LocalDate.parse("2026-05-01");

    private SingleConnectionDataSource dataSource;
    private ReportsProjection projection;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:reports-" + UUID.randomUUID(), true);
        projection = new ReportsProjection(new JdbcTemplate(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    private void registered(String centre, String qualification, LocalDate on, boolean late) {
        projection.on(new CandidateRegistered(UUID.randomUUID().toString(), centre, "ABCD2345", "Ada", "Byron",
                LocalDate.parse("2004-01-01"), null, qualification, on.minusDays(late ? 120 : 10), on, late, false));
    }

    @Test
    void givenRegistrations_whenReported_thenLateCountedPerCentreWithinTheFilters() {
        registered("c1", "LV2", MAY_1, true);
        registered("c1", "LV2", MAY_1, false);
        registered("c1", "MC2", MAY_1.plusDays(1), true);
        registered("c1", "LV2", MAY_1.plusDays(40), false);
        registered("c2", "LV2", MAY_1, false);

        LateRegistrations all = projection.handle(new LateRegistrationsReport(null, null, null, null));
        assertThat(all.centres()).containsExactly(new LateRegistrations.Row("c1", 4, 2, 50.0),
                new LateRegistrations.Row("c2", 1, 0, 0.0));
        assertThat(projection.handle(new LateRegistrationsReport("c1", "LV2", null, null)).centres())
                .containsExactly(new LateRegistrations.Row("c1", 3, 1, 33.3));
        assertThat(projection.handle(new LateRegistrationsReport(null, null, MAY_1, MAY_1.plusDays(1))).centres())
                .containsExactly(new LateRegistrations.Row("c1", 3, 2, 66.7), new LateRegistrations.Row("c2", 1, 0, 0.0));
        assertThat(projection.handle(new LateRegistrationsReport("c3", null, null, null)).centres()).isEmpty();
    }

    @Test
    void givenFigures_whenReset_thenEmptyAndSchemaRunsAgainHarmlessly() {
        registered("c1", "LV2", MAY_1, true);
        projection.reset();
        ReportsProjection.create(dataSource);
        assertThat(projection.handle(new LateRegistrationsReport(null, null, null, null)).centres()).isEmpty();
    }
}
