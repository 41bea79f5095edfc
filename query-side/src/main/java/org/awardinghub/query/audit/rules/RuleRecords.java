package org.awardinghub.query.audit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recorded rule runs and proposals, as {@link RuleRecordsProjection} keeps them: pages, the latest first. */
@Component
public class RuleRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Number>> PARAMETERS = new TypeReference<>() {};
    private static final String RUN_COLUMNS = "run_id, rule_id, parameters, window_from, window_to, up_to_position,"
            + " events_scanned, breaches, learners_affected, attempts_refused, findings_digest, ran_at, ran_by_pin";
    private static final String PROPOSAL_COLUMNS = "proposal_id, rule_id, parameters, since, up_to_position,"
            + " events_scanned, breaches, learners_affected, attempts_refused, findings_digest, proposed_at,"
            + " proposed_by_pin, adopted_at, adopted_by_pin";

    private final JdbcTemplate jdbc;

    public RuleRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RecordedRun> run(String runId) {
        return jdbc
                .query("SELECT " + RUN_COLUMNS + " FROM audit_rule_runs WHERE run_id = ?", RuleRecords::run, runId)
                .stream()
                .findFirst();
    }

    /** A page of the runs, the latest first (ties by id, so that pages neither repeat nor skip one). */
    public Page<RecordedRun> runs(int page, int size) {
        Page<RecordedRun> empty = ReadModelCollection.emptyPage(page, size);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_rule_runs", Long.class);
        long skip = (long) empty.page() * empty.size();
        if (skip >= total) {
            return new Page<>(List.of(), empty.page(), empty.size(), total);
        }
        return new Page<>(
                jdbc.query(
                        "SELECT " + RUN_COLUMNS + " FROM audit_rule_runs ORDER BY ran_at DESC, run_id"
                                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                        RuleRecords::run,
                        skip,
                        empty.size()),
                empty.page(),
                empty.size(),
                total);
    }

    public Optional<RecordedProposal> proposal(String proposalId) {
        return jdbc
                .query(
                        "SELECT " + PROPOSAL_COLUMNS + " FROM audit_rule_proposals WHERE proposal_id = ?",
                        RuleRecords::proposal,
                        proposalId)
                .stream()
                .findFirst();
    }

    /** A page of the proposals, the latest first; only the adopted ones when {@code adoptedOnly}. */
    public Page<RecordedProposal> proposals(boolean adoptedOnly, int page, int size) {
        Page<RecordedProposal> empty = ReadModelCollection.emptyPage(page, size);
        String where = adoptedOnly ? " WHERE adopted_at IS NOT NULL" : "";
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_rule_proposals" + where, Long.class);
        long skip = (long) empty.page() * empty.size();
        if (skip >= total) {
            return new Page<>(List.of(), empty.page(), empty.size(), total);
        }
        return new Page<>(
                jdbc.query(
                        "SELECT " + PROPOSAL_COLUMNS + " FROM audit_rule_proposals" + where
                                + " ORDER BY proposed_at DESC, proposal_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                        RuleRecords::proposal,
                        skip,
                        empty.size()),
                empty.page(),
                empty.size(),
                total);
    }

    private static RecordedRun run(ResultSet row, int n) throws SQLException {
        return new RecordedRun(
                row.getString(1),
                row.getString(2),
                parameters(row.getString(3)),
                instant(row, 4),
                instant(row, 5),
                row.getLong(6),
                row.getLong(7),
                row.getInt(8),
                row.getInt(9),
                integer(row, 10),
                row.getString(11),
                instant(row, 12),
                row.getString(13));
    }

    private static RecordedProposal proposal(ResultSet row, int n) throws SQLException {
        return new RecordedProposal(
                row.getString(1),
                row.getString(2),
                parameters(row.getString(3)),
                instant(row, 4),
                row.getLong(5),
                row.getLong(6),
                row.getInt(7),
                row.getInt(8),
                integer(row, 9),
                row.getString(10),
                instant(row, 11),
                row.getString(12),
                instant(row, 13),
                row.getString(14));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static LinkedHashMap<String, Number> parameters(String json) {
        try {
            return JSON.readValue(json, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule parameters are not JSON", e);
        }
    }
}
