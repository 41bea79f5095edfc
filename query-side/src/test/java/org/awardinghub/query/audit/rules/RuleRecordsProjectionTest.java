package org.awardinghub.query.audit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.audit.RuleAdopted;
import org.awardinghub.events.audit.RuleProposed;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.awardinghub.query.Migrations;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The recorded runs and proposals: listed the latest first with who ran or proposed them, an adoption marks its
 * proposal; delivered again nothing changes, and replayed after a reset the same rows come back.
 */
class RuleRecordsProjectionTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    static final String DIGEST = "0f".repeat(32);

    SingleConnectionDataSource dataSource;
    JdbcTemplate jdbc;
    AnnotationEventHandlerAdapter adapter;
    RuleRecords records;

    final List<EventMessage<?>> history = List.of(
            by(
                    "11111111",
                    new RuleRunRecorded(
                            "run-1",
                            "resit-after-fail",
                            List.of(new RuleRunRecorded.Parameter("hours", 72)),
                            T.minusSeconds(86_400),
                            T,
                            40,
                            12,
                            1,
                            1,
                            1,
                            DIGEST,
                            T)),
            by(
                    "22222222",
                    new RuleRunRecorded(
                            "run-2",
                            "fast-high-score",
                            List.of(
                                    new RuleRunRecorded.Parameter("percent", 90),
                                    new RuleRunRecorded.Parameter("timeFraction", 0.25)),
                            null,
                            null,
                            50,
                            20,
                            0,
                            0,
                            0,
                            DIGEST,
                            T.plusSeconds(60))),
            by(
                    "11111111",
                    new RuleProposed(
                            "proposal-1",
                            "amendment-after-result",
                            List.of(new RuleRunRecorded.Parameter("graceHours", 24)),
                            T,
                            60,
                            30,
                            4,
                            3,
                            null,
                            DIGEST,
                            T.plusSeconds(120))),
            by(
                    "33333333",
                    new RuleAdopted(
                            "proposal-1",
                            "amendment-after-result",
                            List.of(new RuleRunRecorded.Parameter("graceHours", 24)),
                            T.plusSeconds(180))));

    private static EventMessage<?> by(String pin, Object payload) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(MetaData.with(AuditMetadata.ACTOR_PIN, pin));
    }

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:rules-" + UUID.randomUUID(), true);
        Migrations.apply(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        adapter = new AnnotationEventHandlerAdapter(new RuleRecordsProjection(jdbc));
        records = new RuleRecords(jdbc);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    private void deliver(List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            try {
                adapter.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "runs", jdbc.queryForList("SELECT * FROM audit_rule_runs ORDER BY run_id"),
                "proposals", jdbc.queryForList("SELECT * FROM audit_rule_proposals ORDER BY proposal_id"));
    }

    @Test
    void givenRunsAndAnAdoptedProposal_whenListed_thenLatestFirstWithWhoAndTheParametersAsNumbers() {
        deliver(history);

        assertThat(records.runs(0, 10).items()).extracting(RecordedRun::runId).containsExactly("run-2", "run-1");
        RecordedRun first = records.run("run-1").orElseThrow();
        assertThat(first.ranByPin()).isEqualTo("11111111");
        assertThat(first.parameters()).containsExactly(Map.entry("hours", 72));
        assertThat(first.from()).isEqualTo(T.minusSeconds(86_400));
        assertThat(records.run("run-2").orElseThrow().parameters())
                .containsExactly(Map.entry("percent", 90), Map.entry("timeFraction", 0.25));
        assertThat(records.runs(1, 1).items()).extracting(RecordedRun::runId).containsExactly("run-1");
        RecordedProposal proposal = records.proposal("proposal-1").orElseThrow();
        assertThat(proposal.adoptedByPin()).isEqualTo("33333333");
        assertThat(proposal.adoptedAt()).isEqualTo(T.plusSeconds(180));
        assertThat(proposal.attemptsRefused()).isNull();
        assertThat(records.proposals(true, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void givenTheHistoryDeliveredTwice_thenTheSameRows() {
        deliver(history);
        var once = rows();

        deliver(history);

        assertThat(rows()).isEqualTo(once);
    }

    @Test
    void givenAReset_whenReplayed_thenTheSameRowsAgain() {
        deliver(history);
        var before = rows();

        adapter.prepareReset();
        assertThat(records.runs(0, 10).total()).isZero();
        deliver(history);

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void givenAProposalNotYetAdopted_whenListedAsAdopted_thenNotThere() {
        deliver(history.subList(0, 3));

        assertThat(records.proposals(true, 0, 10).items()).isEmpty();
        assertThat(records.proposals(false, 0, 10).items())
                .singleElement()
                .satisfies(proposal -> assertThat(proposal.adoptedAt()).isNull());
    }
}
