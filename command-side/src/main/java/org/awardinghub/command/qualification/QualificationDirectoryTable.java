package org.awardinghub.command.qualification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.qualification.QualificationPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Qualification and assessment codes already in the catalogue. Assessment codes identify attempts and results
 * across the whole catalogue, so one code never belongs to two qualifications.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class QualificationDirectoryTable implements QualificationDirectory {

    private final JdbcTemplate jdbc;

    QualificationDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QualificationPublished event) {
        jdbc.update("INSERT INTO qualification_catalogue (code) VALUES (?)", event.code());
        for (QualificationPublished.Assessment assessment : event.assessments()) {
            jdbc.update(
                    "INSERT INTO assessment_catalogue (assessment_code, qualification_code) VALUES (?, ?)",
                    assessment.code(),
                    event.code());
        }
        for (QualificationPublished.Unit unit : event.units()) {
            if (!unit.portfolio()) {
                continue;
            }
            List<QualificationPublished.Criterion> criteria = unit.criteriaOrEmpty();
            for (int i = 0; i < criteria.size(); i++) {
                jdbc.update(
                        "INSERT INTO portfolio_criteria (qualification_code, unit_code, criterion_code,"
                                + " criterion_position) VALUES (?, ?, ?, ?)",
                        event.code(),
                        unit.code(),
                        criteria.get(i).code(),
                        i + 1);
            }
        }
    }

    @Override
    public Map<String, List<String>> portfolioUnits(String qualificationCode) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        jdbc.query(
                "SELECT unit_code, criterion_code FROM portfolio_criteria WHERE qualification_code = ?"
                        + " ORDER BY unit_code, criterion_position",
                row -> {
                    units.computeIfAbsent(row.getString(1), unit -> new ArrayList<>())
                            .add(row.getString(2));
                },
                qualificationCode);
        units.replaceAll((unit, criteria) -> List.copyOf(criteria));
        return Collections.unmodifiableMap(units);
    }

    @Override
    public boolean exists(String code) {
        return count("SELECT COUNT(*) FROM qualification_catalogue WHERE code = ?", code) > 0;
    }

    @Override
    public boolean assessmentCodeTaken(String assessmentCode) {
        return count("SELECT COUNT(*) FROM assessment_catalogue WHERE assessment_code = ?", assessmentCode) > 0;
    }

    @Override
    public List<String> assessmentsOf(String qualificationCode) {
        return jdbc.queryForList(
                "SELECT assessment_code FROM assessment_catalogue WHERE qualification_code = ?"
                        + " ORDER BY assessment_code",
                String.class,
                qualificationCode);
    }

    private int count(String sql, String key) {
        Integer rows = jdbc.queryForObject(sql, Integer.class, key);
        return rows == null ? 0 : rows;
    }
}
