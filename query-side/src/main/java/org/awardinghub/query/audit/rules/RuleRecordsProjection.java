package org.awardinghub.query.audit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.audit.RuleAdopted;
import org.awardinghub.events.audit.RuleProposed;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recorded rule runs and proposals ({@code audit_rule_runs}, {@code audit_rule_proposals}, migration
 * {@code V23}), kept by the audit processor beside the audit log: in the same single-segment processor, so that a
 * run listed is always in the log too, and a replay of the audit log rebuilds them. Each write replaces the row of
 * its run or proposal, so an event delivered again changes nothing.
 */
@Component
@ProcessingGroup("audit")
class RuleRecordsProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    RuleRecordsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RuleRunRecorded run, @MetaDataValue(AuditMetadata.ACTOR_PIN) String pin) {
        jdbc.update("DELETE FROM audit_rule_runs WHERE run_id = ?", run.runId());
        jdbc.update(
                "INSERT INTO audit_rule_runs (run_id, rule_id, parameters, window_from, window_to, up_to_position,"
                        + " events_scanned, breaches, learners_affected, attempts_refused, findings_digest, ran_at,"
                        + " ran_by_pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.runId(),
                run.rule(),
                parameters(run.parameters()),
                millis(run.from()),
                millis(run.to()),
                run.upToPosition(),
                run.eventsScanned(),
                run.breaches(),
                run.learnersAffected(),
                run.attemptsRefused(),
                run.findingsDigest(),
                run.ranAt().toEpochMilli(),
                pin);
    }

    @EventHandler
    void on(RuleProposed proposal, @MetaDataValue(AuditMetadata.ACTOR_PIN) String pin) {
        jdbc.update("DELETE FROM audit_rule_proposals WHERE proposal_id = ?", proposal.proposalId());
        jdbc.update(
                "INSERT INTO audit_rule_proposals (proposal_id, rule_id, parameters, since, up_to_position,"
                        + " events_scanned, breaches, learners_affected, attempts_refused, findings_digest,"
                        + " proposed_at, proposed_by_pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                proposal.proposalId(),
                proposal.rule(),
                parameters(proposal.parameters()),
                proposal.since().toEpochMilli(),
                proposal.upToPosition(),
                proposal.eventsScanned(),
                proposal.breaches(),
                proposal.learnersAffected(),
                proposal.attemptsRefused(),
                proposal.findingsDigest(),
                proposal.proposedAt().toEpochMilli(),
                pin);
    }

    @EventHandler
    void on(RuleAdopted adoption, @MetaDataValue(AuditMetadata.ACTOR_PIN) String pin) {
        jdbc.update(
                "UPDATE audit_rule_proposals SET adopted_at = ?, adopted_by_pin = ? WHERE proposal_id = ?",
                adoption.adoptedAt().toEpochMilli(),
                pin,
                adoption.proposalId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_rule_runs");
        jdbc.update("DELETE FROM audit_rule_proposals");
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** The parameters as a JSON object, whole numbers without a decimal point, as the API shows them. */
    static String parameters(List<RuleRunRecorded.Parameter> parameters) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (RuleRunRecorded.Parameter parameter :
                parameters == null ? List.<RuleRunRecorded.Parameter>of() : parameters) {
            double value = parameter.value();
            values.put(
                    parameter.name(),
                    value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value);
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
