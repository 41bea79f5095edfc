package org.awardinghub.query.reports;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The compliance reports' figures, kept as counters per centre, qualification and day in the relational database
 * ({@value #SCRIPT}), so that a report over any period sums a small index range instead of scanning the events.
 * The increments are written through the processor's transaction, which also stores its token: each event counts
 * exactly once, and a replay starts from empty tables. Any number of segments: counting commutes.
 */
@Component
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
public class ReportsProjection {

    public static final String PROCESSING_GROUP = "reports";
    public static final String SCRIPT = "db/reports.sql";

    private final JdbcTemplate jdbc;

    public ReportsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        create(jdbc.getDataSource());
    }

    /** Creates the report tables where they are missing (idempotent). */
    public static void create(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(SCRIPT, ReportsProjection.class.getClassLoader()))
                .execute(dataSource);
    }

    @EventHandler
    public void on(CandidateRegistered event) {
        Date day = Date.valueOf(event.registeredOn());
        int late = event.late() ? 1 : 0;
        int updated = jdbc.update("UPDATE report_registrations SET registrations = registrations + 1, late = late + ?"
                + " WHERE centre_id = ? AND qualification_code = ? AND registered_on = ?", late, event.centreId(),
                event.qualificationCode(), day);
        if (updated == 0) {
            jdbc.update("INSERT INTO report_registrations (centre_id, qualification_code, registered_on,"
                    + " registrations, late) VALUES (?, ?, ?, 1, ?)", event.centreId(), event.qualificationCode(),
                    day, late);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM report_registrations");
    }

    @QueryHandler
    public LateRegistrations handle(LateRegistrationsReport query) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (query.centreId() != null) {
            conditions.add("centre_id = ?");
            arguments.add(query.centreId());
        }
        if (query.qualificationCode() != null) {
            conditions.add("qualification_code = ?");
            arguments.add(query.qualificationCode());
        }
        if (query.from() != null) {
            conditions.add("registered_on >= ?");
            arguments.add(Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            conditions.add("registered_on <= ?");
            arguments.add(Date.valueOf(query.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<LateRegistrations.Row> rows = jdbc.query("SELECT centre_id, SUM(registrations), SUM(late)"
                + " FROM report_registrations" + where + " GROUP BY centre_id ORDER BY centre_id", (row, n) -> {
                    long registrations = row.getLong(2);
                    long late = row.getLong(3);
                    return new LateRegistrations.Row(row.getString(1), registrations, late,
                            registrations == 0 ? 0 : Math.round(late * 1000.0 / registrations) / 10.0);
                }, arguments.toArray());
        return new LateRegistrations(query.centreId(), query.qualificationCode(), query.from(), query.to(), rows);
    }
}
