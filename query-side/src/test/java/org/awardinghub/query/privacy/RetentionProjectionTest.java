package org.awardinghub.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateLegalHoldLifted;
import org.awardinghub.events.candidate.CandidateLegalHoldPlaced;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateRetentionExtended;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.History;
import org.awardinghub.query.Migrations;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The retention read model on known events (ADR 0166): each record's period by its state, counted from its last
 * activity on any record about the candidate; the queue of records due, longest due first, without those held or
 * erased; an extension moves the due date past its day; the same events twice, or replayed, give the same rows; a
 * change of periods is counted again.
 */
class RetentionProjectionTest {

    private static final Instant MAY_2026 = Instant.parse("2026-05-04T09:00:00Z");
    private static final RetentionPolicy POLICY =
            new RetentionPolicy(Period.ofYears(40), Period.ofYears(6), Period.ofYears(3));
    private static final Map<String, String> BY_IMI = Map.of(AuditMetadata.ACTOR_PIN, "90000001");

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private RetentionProjection projection;
    private Processor processor;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:retention-" + UUID.randomUUID(), true);
        jdbc = new JdbcTemplate(dataSource);
        Migrations.apply(dataSource);
        projection = new RetentionProjection(jdbc, POLICY);
        processor = new Processor(projection);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    private static CandidateRegistered registered(String candidateId) {
        return new CandidateRegistered(
                candidateId,
                "c1",
                "R" + candidateId,
                "Ann",
                "Ames",
                LocalDate.parse("2001-01-01"),
                null,
                "LV2-MAINT",
                LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-04"),
                false,
                false);
    }

    private static AttemptOpened opened(String attemptId) {
        return new AttemptOpened(
                attemptId,
                "sat",
                "Rsat",
                "c1",
                "LV2-MAINT",
                "LV2-U01-MCQ",
                1,
                10,
                30,
                60,
                "inv",
                "30000001",
                MAY_2026,
                MAY_2026);
    }

    /** A test opened for "sat" the day after the registrations. */
    private static final History.Recorded SAT_NEXT_DAY =
            new History.Recorded("attempt-1", 0, MAY_2026.plusSeconds(86_400), opened("attempt-1"));

    /** Three candidates: one certificated, one withdrawn, one registered (who sits a test the next day). */
    private History history() {
        return new History(MAY_2026)
                .then("cert", registered("cert"))
                .then("cert", new CandidateCertificated("cert", "c1", "claim-1", "LV2-MAINT", "C1"))
                .then("gone", registered("gone"))
                .then("gone", new CandidateWithdrawn("gone", "c1", "Moved away"))
                .then("sat", registered("sat"));
    }

    private RetentionRecord find(String candidateId) {
        return projection.handle(new FindRetention(candidateId));
    }

    private List<String> queue(LocalDate today) {
        return queued(new ListRetentionQueue(today, 0, 0, true)).items().stream()
                .map(RetentionRecord::candidateId)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Page<RetentionRecord> queued(ListRetentionQueue query) {
        return projection.handle(query);
    }

    @SuppressWarnings("unchecked")
    private Page<RetentionRecord> held(ListLegalHolds query) {
        return projection.handle(query);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM retention_records ORDER BY candidate_id");
    }

    @Test
    void givenRecordsInEachState_whenRead_thenEachIsKeptForItsPeriodFromItsLastActivity() {
        processor.deliver(history().events());
        processor.deliver(SAT_NEXT_DAY);

        RetentionRecord certificated = find("cert");
        assertThat(certificated.status()).isEqualTo(CandidateStatus.CERTIFICATED);
        assertThat(certificated.basis()).isEqualTo(RetentionBasis.CERTIFICATION);
        assertThat(certificated.countedFrom()).isEqualTo(LocalDate.parse("2026-05-04"));
        assertThat(certificated.lastActivity()).isEqualTo("CandidateCertificated");
        assertThat(certificated.dueOn()).isEqualTo(LocalDate.parse("2066-05-04"));
        assertThat(find("gone").basis()).isEqualTo(RetentionBasis.WITHDRAWAL);
        assertThat(find("gone").dueOn()).isEqualTo(LocalDate.parse("2032-05-04"));
        assertThat(find("sat").basis()).isEqualTo(RetentionBasis.LAST_ACTIVITY);
        assertThat(find("sat").lastActivity())
                .as("an attempt is activity on the record")
                .isEqualTo("AttemptOpened");
        assertThat(find("sat").dueOn()).isEqualTo(LocalDate.parse("2029-05-05"));
        assertThat(find("nobody")).isNull();
    }

    @Test
    void givenRecordsDueAtDifferentTimes_whenQueued_thenOnlyThoseDueByTodayLongestDueFirst() {
        processor.deliver(history().events());
        processor.deliver(SAT_NEXT_DAY);

        assertThat(queue(LocalDate.parse("2029-05-04"))).isEmpty();
        assertThat(queue(LocalDate.parse("2029-05-05"))).containsExactly("sat");
        assertThat(queue(LocalDate.parse("2040-01-01"))).containsExactly("sat", "gone");
        assertThat(queue(LocalDate.parse("2070-01-01"))).containsExactly("sat", "gone", "cert");
        Page<RetentionRecord> second = queued(new ListRetentionQueue(LocalDate.parse("2070-01-01"), 1, 2, false));
        assertThat(second.items()).extracting(RetentionRecord::candidateId).containsExactly("cert");
        assertThat(second.total()).isEqualTo(3);
        RetentionDue due =
                projection.handle(new CountRetentionDue(LocalDate.parse("2040-01-01"), LocalDate.parse("2030-01-01")));
        assertThat(due).isEqualTo(new RetentionDue(2, 1, LocalDate.parse("2029-05-05")));
    }

    @Test
    void givenAHoldAnExtensionAndAnErasure_whenQueued_thenHeldAndErasedAreNotAndTheExtendedOnlyAfterItsDay() {
        History history = history()
                .then(
                        "sat",
                        new CandidateLegalHoldPlaced(
                                "sat", "c1", "case-7", "Malpractice investigation", "Art. 17(3)(e): legal claims"),
                        BY_IMI)
                .then(
                        "gone",
                        new CandidateRetentionExtended(
                                "gone", "c1", LocalDate.parse("2035-12-31"), "Claim", "Art 17(3)(e)"),
                        BY_IMI)
                .then(
                        "cert",
                        new CandidateErased("cert", "c1", "Rcert", "Asked", "Art 17(1)(a)", MAY_2026.plusSeconds(999)),
                        BY_IMI);
        processor.deliver(history.events());

        assertThat(queue(LocalDate.parse("2070-01-01"))).containsExactly("gone");
        assertThat(find("gone").dueOn()).isEqualTo(LocalDate.parse("2036-01-01"));
        assertThat(queue(LocalDate.parse("2035-12-31"))).isEmpty();
        assertThat(find("gone").extension().legalBasis()).isEqualTo("Art 17(3)(e)");
        assertThat(find("gone").extension().byPin()).isEqualTo("90000001");
        RetentionRecord held = find("sat");
        assertThat(held.legalHold().caseId()).isEqualTo("case-7");
        assertThat(held.legalHold().reason()).isEqualTo("Malpractice investigation");
        assertThat(held.legalHold().placedByPin()).isEqualTo("90000001");
        assertThat(held(new ListLegalHolds(0, 0, true)).items())
                .extracting(RetentionRecord::candidateId)
                .containsExactly("sat");
        assertThat(find("cert").erasure().legalBasis()).isEqualTo("Art 17(1)(a)");

        processor.deliver(new History.Recorded(
                "sat", 2, MAY_2026.plusSeconds(9999), new CandidateLegalHoldLifted("sat", "c1", "Closed")));
        assertThat(find("sat").legalHold()).isNull();
        assertThat(queue(LocalDate.parse("2070-01-01"))).containsExactly("sat", "gone");
        assertThat(held(new ListLegalHolds(0, 0, true)).items()).isEmpty();
    }

    @Test
    void givenTheEventsDeliveredTwiceOrReplayed_whenRead_thenTheSameRows() {
        List<History.Recorded> events = history()
                .then(
                        "sat",
                        new CandidateLegalHoldPlaced("sat", "c1", null, "Appeal", "Art. 17(3)(e): legal claims"),
                        BY_IMI)
                .events();
        processor.deliver(events);
        processor.deliver(SAT_NEXT_DAY);
        List<Map<String, Object>> once = rows();

        processor.deliver(events);
        processor.deliver(SAT_NEXT_DAY);
        assertThat(rows()).as("every event again").isEqualTo(once);

        projection.reset();
        assertThat(rows()).isEmpty();
        processor.deliver(events);
        processor.deliver(SAT_NEXT_DAY);
        assertThat(rows()).as("replayed").isEqualTo(once);
    }

    @Test
    void givenActivityOlderThanTheLastKnown_whenDelivered_thenTheLastActivityStays() {
        processor.deliver(history().events());
        processor.deliver(SAT_NEXT_DAY);
        processor.deliver(
                new History.Recorded("attempt-0", 0, MAY_2026.minusSeconds(86_400 * 10), opened("attempt-0")));

        assertThat(find("sat").countedFrom()).isEqualTo(LocalDate.parse("2026-05-05"));
        assertThat(find("sat").lastActivity()).isEqualTo("AttemptOpened");
    }

    @Test
    void givenThePeriodsChanged_whenRecounted_thenEveryDueDateFollowsTheNewPeriods() {
        processor.deliver(history().events());
        processor.deliver(SAT_NEXT_DAY);
        RetentionPolicy shorter = new RetentionPolicy(Period.ofYears(10), Period.ofYears(1), Period.ofYears(1));

        assertThat(new RetentionDueDates(jdbc, shorter).recount()).isEqualTo(3);

        assertThat(find("cert").dueOn()).isEqualTo(LocalDate.parse("2036-05-04"));
        assertThat(find("gone").dueOn()).isEqualTo(LocalDate.parse("2027-05-04"));
        assertThat(new RetentionDueDates(jdbc, shorter).recount())
                .as("counted once")
                .isZero();
    }
}
