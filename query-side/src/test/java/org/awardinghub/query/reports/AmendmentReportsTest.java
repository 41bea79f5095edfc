package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.query.ErasedEvents;
import org.awardinghub.query.ErasureStory;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Amendments of candidates per centre, counted by kind and by whether the candidate already had a result or a claim.
 *
 * <pre>
 * day 0  k1 registered at c1 on LV3; k2 registered at c2 on LV3
 * day 1  k1 name amended (c1)                                   before any result
 * day 2  k1 date of birth amended (c1); k2 ULN amended (c2)     before any result
 * day 3  k1's attempt submitted (a result); k2 qualification amended LV3 → MC2 (c2, counted under LV3)
 * day 4  k1 ULN amended (c1)                                    after a result
 * day 5  k1's certificate claimed
 * day 6  k1 name amended (c1)                                   after a result and a claim
 * day 7  k1 qualification amended LV3 → MC2 (c1, under LV3)     after both
 * day 8  k1 transferred c1 → c2 (counted at c1, under MC2)      after both
 * day 9  k1 date of birth amended (now c2, MC2)                 after both
 * </pre>
 */
class AmendmentReportsTest {

    private static final Instant DAY_0 = Instant.parse("2026-05-04T10:00:00Z");
    private static final String STAFF = "10000001";

    private ReportsDatabase reports;
    private AmendmentReports amendments;
    private int events;

    @BeforeEach
    void database() {
        reports = new ReportsDatabase();
        amendments = reports.amendments;
    }

    @AfterEach
    void close() {
        reports.close();
    }

    private static Instant day(int n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    private static LocalDate date(int n) {
        return LocalDate.ofInstant(day(n), ZoneOffset.UTC);
    }

    private String id() {
        return "e" + ++events;
    }

    private void history() {
        amendments.on(new CandidateRegistered(
                "k1",
                "c1",
                "R0000001",
                "Ada",
                "Byron",
                LocalDate.parse("2004-01-01"),
                null,
                "LV3",
                date(0),
                date(0),
                false,
                false));
        amendments.on(new CandidateRegistered(
                "k2",
                "c2",
                "R0000002",
                "Bo",
                "Diddley",
                LocalDate.parse("2003-02-02"),
                null,
                "LV3",
                date(0),
                date(0),
                false,
                false));
        amendments.on(
                new CandidateNameAmended("k1", "c1", "Ada", "Byron", "Ada", "Lovelace", "Married"),
                id(),
                day(1),
                STAFF);
        amendments.on(
                new CandidateDateOfBirthAmended(
                        "k1", "c1", LocalDate.parse("2004-01-01"), LocalDate.parse("2004-01-10"), "Typing error"),
                id(),
                day(2),
                STAFF);
        amendments.on(new CandidateUlnAmended("k2", "c2", null, "1234567890", "ULN given"), id(), day(2), null);
        amendments.on(new AttemptSubmitted(
                "a1",
                "k1",
                "c1",
                "LV3",
                "LV3-A",
                SubmittedBy.CANDIDATE,
                day(3),
                day(3).plus(Duration.ofHours(1)),
                day(3).plus(Duration.ofMinutes(40)),
                20,
                30,
                66.7,
                60,
                Outcome.PASS,
                List.of(),
                null));
        amendments.on(new CandidateQualificationAmended("k2", "c2", "LV3", "MC2", "Wrong course"), id(), day(3), STAFF);
        amendments.on(new CandidateUlnAmended("k1", "c1", null, "9876543210", "ULN found"), id(), day(4), STAFF);
        amendments.on(new CertificateClaimed(
                "q1", "k1", "R0000001", "c1", "LV3", "Ada Lovelace", false, List.of("a1"), "u1", STAFF, day(5)));
        amendments.on(
                new CandidateNameAmended("k1", "c1", "Ada", "Lovelace", "Adah", "Lovelace", "Spelling"),
                id(),
                day(6),
                "10000002");
        amendments.on(new CandidateQualificationAmended("k1", "c1", "LV3", "MC2", "Moved course"), id(), day(7), STAFF);
        amendments.on(new CandidateTransferred("k1", "c1", "c2", "Moved house"), id(), day(8), "90000001");
        amendments.on(
                new CandidateDateOfBirthAmended(
                        "k1", "c2", LocalDate.parse("2004-01-10"), LocalDate.parse("2004-01-11"), "Certificate check"),
                id(),
                day(9),
                null);
    }

    @Test
    void givenAmendmentsBeforeAndAfterAResultAndAClaim_whenReported_thenEachKindCountedPerCentre() {
        history();

        Amendments all = amendments.handle(new AmendmentsReport(null, null, null, null));

        // c1: names day 1 and 6, date of birth day 2, ULN day 4, qualification day 7, transfer day 8;
        // after a result: days 4, 6, 7, 8; after a claim: days 6, 7, 8
        // c2: k2's ULN (day 2) and qualification (day 3), both before any result of k2's; k1's date of birth on day 9
        assertThat(all.centres())
                .containsExactly(
                        new Amendments.Row("c1", 6, 2, 1, 1, 1, 1, 4, 3),
                        new Amendments.Row("c2", 3, 0, 1, 1, 1, 0, 1, 1));
        assertThat(all.lateAmendmentsTotal()).isEqualTo(5);
        Instant result = day(3).plus(Duration.ofMinutes(40));
        assertThat(all.lateAmendments())
                .containsExactly(
                        new Amendments.LateAmendment(
                                day(4), "k1", "c1", "LV3", "ULN", "ULN found", STAFF, result, null),
                        new Amendments.LateAmendment(
                                day(6), "k1", "c1", "LV3", "NAME", "Spelling", "10000002", result, day(5)),
                        new Amendments.LateAmendment(
                                day(7), "k1", "c1", "LV3", "QUALIFICATION", "Moved course", STAFF, result, day(5)),
                        new Amendments.LateAmendment(
                                day(8), "k1", "c1", "MC2", "TRANSFER", "Moved house", "90000001", result, day(5)),
                        new Amendments.LateAmendment(
                                day(9), "k1", "c2", "MC2", "DATE_OF_BIRTH", "Certificate check", null, result, day(5)));
    }

    @Test
    void givenAmendments_whenReportedForACentreAQualificationOrAPeriod_thenOnlyThoseCounted() {
        history();

        Amendments atC2 = amendments.handle(new AmendmentsReport("c2", null, null, null));
        assertThat(atC2.centres()).containsExactly(new Amendments.Row("c2", 3, 0, 1, 1, 1, 0, 1, 1));
        assertThat(atC2.lateAmendmentsTotal()).isEqualTo(1);
        assertThat(atC2.lateAmendments())
                .extracting(Amendments.LateAmendment::kind)
                .containsExactly("DATE_OF_BIRTH");

        // under MC2: k1's transfer (at c1) and k1's last date of birth (at c2); k2's qualification counts under LV3
        Amendments onMc2 = amendments.handle(new AmendmentsReport(null, "MC2", null, null));
        assertThat(onMc2.centres())
                .containsExactly(
                        new Amendments.Row("c1", 1, 0, 0, 0, 0, 1, 1, 1),
                        new Amendments.Row("c2", 1, 0, 1, 0, 0, 0, 1, 1));
        assertThat(onMc2.lateAmendments())
                .extracting(Amendments.LateAmendment::kind)
                .containsExactly("TRANSFER", "DATE_OF_BIRTH");

        Amendments days6To7 = amendments.handle(new AmendmentsReport(null, null, date(6), date(7)));
        assertThat(days6To7.centres()).containsExactly(new Amendments.Row("c1", 2, 1, 0, 0, 1, 0, 2, 2));
        assertThat(days6To7.lateAmendments())
                .extracting(Amendments.LateAmendment::at, Amendments.LateAmendment::kind)
                .containsExactly(tuple(day(6), "NAME"), tuple(day(7), "QUALIFICATION"));

        Amendments c1LateDays = amendments.handle(new AmendmentsReport("c1", "LV3", date(1), date(4)));
        assertThat(c1LateDays.centres()).containsExactly(new Amendments.Row("c1", 3, 1, 1, 1, 0, 0, 1, 0));
        assertThat(c1LateDays.lateAmendmentsTotal()).isEqualTo(1);

        assertThat(amendments.handle(new AmendmentsReport("c3", null, null, null)))
                .isEqualTo(new Amendments("c3", null, null, null, List.of(), 0, List.of()));
    }

    @Test
    void givenMoreLateAmendmentsThanListed_whenReported_thenTheFirstListedAndAllCounted() {
        amendments.on(new CandidateRegistered(
                "k1",
                "c1",
                "R0000001",
                "Ada",
                "Byron",
                LocalDate.parse("2004-01-01"),
                null,
                "LV3",
                date(0),
                date(0),
                false,
                false));
        amendments.on(new CertificateClaimed(
                "q1", "k1", "R0000001", "c1", "LV3", "Ada Byron", false, List.of(), "u1", STAFF, day(0)));
        for (int i = 0; i < Amendments.LISTED + 5; i++) {
            amendments.on(
                    new CandidateUlnAmended("k1", "c1", null, "U" + i, "again"), id(), day(1).plusSeconds(i), STAFF);
        }

        Amendments report = amendments.handle(new AmendmentsReport(null, null, null, null));

        assertThat(report.centres()).containsExactly(new Amendments.Row("c1", 1005, 0, 0, 1005, 0, 0, 0, 1005));
        assertThat(report.lateAmendmentsTotal()).isEqualTo(1005);
        assertThat(report.lateAmendments()).hasSize(Amendments.LISTED);
        assertThat(report.lateAmendments().get(0).at()).isEqualTo(day(1));
        assertThat(report.lateAmendments().get(0).firstResultAt()).isNull();
    }

    /**
     * ADR 0165: an erased candidate's late amendments stay listed and counted, with the reason "(erased)"; the erasure
     * applied twice changes nothing, and a replay of the events as they read after it reports the same.
     */
    @Test
    void givenLateAmendments_whenCandidateErased_thenListedAndCountedWithTheReasonErasedAsAReplayReportsThem() {
        Processor processor = new Processor(reports.components().toArray());
        processor.deliver(ErasureStory.beforeErasure());
        Amendments before = amendments.handle(new AmendmentsReport(null, null, null, null));
        assertThat(before.lateAmendments())
                .extracting(Amendments.LateAmendment::reason)
                .contains("deed poll", "moved house");

        processor.deliver(ErasureStory.erasure());
        Amendments erased = amendments.handle(new AmendmentsReport(null, null, null, null));
        processor.deliver(ErasureStory.erasure());

        assertThat(erased.centres()).isEqualTo(before.centres());
        assertThat(erased.lateAmendmentsTotal())
                .isEqualTo(before.lateAmendmentsTotal())
                .isEqualTo(7);
        assertThat(erased.lateAmendments())
                .extracting(Amendments.LateAmendment::candidateId, Amendments.LateAmendment::reason)
                .containsOnly(tuple(ErasureStory.ERASED, PersonalData.ERASED));
        assertThat(erased.lateAmendments())
                .extracting(Amendments.LateAmendment::kind)
                .isEqualTo(before.lateAmendments().stream()
                        .map(Amendments.LateAmendment::kind)
                        .toList());
        assertThat(amendments.handle(new AmendmentsReport(null, null, null, null)))
                .as("the erasure delivered again")
                .isEqualTo(erased);
        try (ReportsDatabase replayed = new ReportsDatabase()) {
            List<Recorded> replay =
                    new ArrayList<>(ErasedEvents.readAfterErasureOf(ErasureStory.ERASED, ErasureStory.beforeErasure()));
            replay.add(ErasureStory.erasure());
            new Processor(replayed.components().toArray()).deliverInBatches(replay, 7);

            assertThat(replayed.amendments.handle(new AmendmentsReport(null, null, null, null)))
                    .isEqualTo(erased);
        }
    }
}
