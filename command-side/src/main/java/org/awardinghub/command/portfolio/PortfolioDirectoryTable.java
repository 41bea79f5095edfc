package org.awardinghub.command.portfolio;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the command side knows of every portfolio, current within the transaction of its events: each candidate's
 * assessor and IQA (an invigilator may not open an attempt for a candidate they assess or quality-assure), the
 * units signed off now (certificate eligibility), each assessor's count of sign-offs and each centre's sampling
 * plan (whether a sign-off is sampled).
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class PortfolioDirectoryTable implements PortfolioDirectory {

    private final JdbcTemplate jdbc;

    PortfolioDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssessorAssigned event) {
        assign("assessor_user_id", event.candidateId(), event.assessorUserId());
    }

    @EventHandler
    void on(IqaAssigned event) {
        assign("iqa_user_id", event.candidateId(), event.iqaUserId());
    }

    @EventHandler
    void on(UnitSignedOff event) {
        jdbc.update(
                "INSERT INTO portfolio_sign_offs (candidate_id, unit_code) VALUES (?, ?)",
                event.candidateId(),
                event.unitCode());
        if (jdbc.update(
                        "UPDATE assessor_sign_off_counts SET sign_offs = sign_offs + 1 WHERE assessor_user_id = ?",
                        event.assessorUserId())
                == 0) {
            jdbc.update(
                    "INSERT INTO assessor_sign_off_counts (assessor_user_id, sign_offs) VALUES (?, 1)",
                    event.assessorUserId());
        }
    }

    @EventHandler
    void on(UnitSentBack event) {
        jdbc.update(
                "DELETE FROM portfolio_sign_offs WHERE candidate_id = ? AND unit_code = ?",
                event.candidateId(),
                event.unitCode());
    }

    @EventHandler
    void on(SamplingPlanSet event) {
        jdbc.update("DELETE FROM sampling_plans WHERE centre_id = ?", event.centreId());
        jdbc.update("DELETE FROM sampling_overrides WHERE centre_id = ?", event.centreId());
        jdbc.update(
                "INSERT INTO sampling_plans (centre_id, sample_percent, new_assessor_percent,"
                        + " new_assessor_sign_offs) VALUES (?, ?, ?, ?)",
                event.centreId(),
                event.percent(),
                event.newAssessorPercent(),
                event.newAssessorSignOffs());
        for (SamplingPlanSet.Override override : event.overrides()) {
            jdbc.update(
                    "INSERT INTO sampling_overrides (centre_id, assessor_user_id, unit_code, sample_percent)"
                            + " VALUES (?, ?, ?, ?)",
                    event.centreId(),
                    override.assessorUserId(),
                    override.unitCode(),
                    override.percent());
        }
    }

    @Override
    public Set<String> signedOffUnits(String candidateId) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "SELECT unit_code FROM portfolio_sign_offs" + " WHERE candidate_id = ? ORDER BY unit_code",
                String.class,
                candidateId));
    }

    @Override
    public int signOffsBy(String assessorUserId) {
        List<Integer> counts = jdbc.queryForList(
                "SELECT sign_offs FROM assessor_sign_off_counts" + " WHERE assessor_user_id = ?",
                Integer.class,
                assessorUserId);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    @Override
    public SamplingRule samplingRule(String centreId, String assessorUserId, String unitCode) {
        Optional<Integer> override = jdbc
                .queryForList(
                        "SELECT sample_percent FROM sampling_overrides"
                                + " WHERE centre_id = ? AND assessor_user_id = ? AND unit_code = ?",
                        Integer.class,
                        centreId,
                        assessorUserId,
                        unitCode)
                .stream()
                .findFirst();
        return jdbc
                .query(
                        "SELECT sample_percent, new_assessor_percent, new_assessor_sign_offs FROM sampling_plans"
                                + " WHERE centre_id = ?",
                        (row, n) ->
                                new SamplingRule(row.getInt(1), row.getInt(2), row.getInt(3), override.orElse(null)),
                        centreId)
                .stream()
                .findFirst()
                .orElseGet(() -> SamplingRule.defaults(override.orElse(null)));
    }

    private void assign(String column, String candidateId, String userId) {
        if (jdbc.update(
                        "UPDATE portfolio_assignments SET " + column + " = ? WHERE candidate_id = ?",
                        userId,
                        candidateId)
                == 0) {
            jdbc.update(
                    "INSERT INTO portfolio_assignments (candidate_id, " + column + ") VALUES (?, ?)",
                    candidateId,
                    userId);
        }
    }
}
