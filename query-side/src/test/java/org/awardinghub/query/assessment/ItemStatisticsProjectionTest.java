package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.assessment.AttemptHistories.ASSESSMENT;
import static org.awardinghub.query.assessment.AttemptHistories.I1;
import static org.awardinghub.query.assessment.AttemptHistories.I2;
import static org.awardinghub.query.assessment.AttemptHistories.I3;
import static org.awardinghub.query.assessment.AttemptHistories.I4;
import static org.awardinghub.query.assessment.AttemptHistories.everyEvent;
import static org.awardinghub.query.assessment.AttemptHistories.isPayload;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Item statistics from {@link AttemptHistories}: marked a1 (c1, score 1), a2 (c1, score 3), a3 (c2, score 0) and
 * a4 (c2, score 2, voided later). Every figure below is worked out by hand from the sums, with x = 1 for a right
 * answer and y = the attempt's score: r = (nΣxy − ΣxΣy) / √((nΣx − (Σx)²)(nΣy² − (Σy)²)).
 */
class ItemStatisticsProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final double EXACT = 1e-12;

    private MongoDatabase database;
    private ItemStatisticsProjection projection;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new ItemStatisticsProjection(database);
        processor = new Processor(projection);
    }

    private ItemStatistics report(String centreId) {
        return projection.handle(new ItemStatisticsReport(ASSESSMENT, centreId));
    }

    private static ItemStatistics.Item item(ItemStatistics statistics, String itemId) {
        return statistics.items().stream()
                .filter(item -> item.itemId().equals(itemId))
                .findFirst()
                .orElseThrow();
    }

    private static List<Recorded> beforeVoidOf(String attemptId) {
        List<Recorded> events = everyEvent();
        int end = 0;
        while (!isPayload(events.get(end), AttemptVoided.class, attemptId)) {
            end++;
        }
        return events.subList(0, end);
    }

    @Test
    void givenNothingMarked_whenReported_thenZeroAttemptsAndNoItems() {
        processor.deliver(beforeVoidOf("a6").subList(0, 3));

        assertThat(report(null)).isEqualTo(new ItemStatistics(ASSESSMENT, null, 0, null, List.of()));
        assertThat(report("c1")).isEqualTo(new ItemStatistics(ASSESSMENT, "c1", 0, null, List.of()));
        assertThat(projection.handle(new ItemStatisticsReport(null, null)).attempts())
                .isZero();
    }

    @Test
    void givenMarkedAttempts_whenReportedOverall_thenHandWorkedFiguresPerItemSortedById() {
        processor.deliver(everyEvent());

        ItemStatistics overall = report(null);

        assertThat(overall.attempts()).isEqualTo(3);
        assertThat(overall.meanScore()).isCloseTo(4.0 / 3, within(EXACT));
        assertThat(overall.items()).extracting(ItemStatistics.Item::itemId).containsExactly(I1, I2, I3, I4);
        // i1: a1 (x1, y1), a2 (x1, y3), a3 (x0, y0): n 3, Σx 2, Σy 4, Σy² 10, Σxy 4 → 4/√28
        ItemStatistics.Item i1 = item(overall, I1);
        assertThat(i1.attempts()).isEqualTo(3);
        assertThat(i1.facility()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(i1.discrimination()).isCloseTo(4 / Math.sqrt(28), within(EXACT));
        assertThat(i1.optionCounts()).containsExactly(0L, 0L, 2L, 1L);
        assertThat(i1.unanswered()).isZero();
        // i2: a1 (x0, y1), a2 (x1, y3), a3 (x0, y0): Σx 1, Σxy 3 → 5/√28
        ItemStatistics.Item i2 = item(overall, I2);
        assertThat(i2.facility()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(i2.discrimination()).isCloseTo(5 / Math.sqrt(28), within(EXACT));
        assertThat(i2.optionCounts()).containsExactly(2L, 1L, 0L, 0L);
        // i3 (three options): a1 left it (x0, y1), a2 (x1, y3) → (2·3 − 1·4) / √(1·4) = 1
        ItemStatistics.Item i3 = item(overall, I3);
        assertThat(i3.attempts()).isEqualTo(2);
        assertThat(i3.facility()).isEqualTo(0.5);
        assertThat(i3.discrimination()).isCloseTo(1.0, within(EXACT));
        assertThat(i3.optionCounts()).containsExactly(1L, 0L, 0L);
        assertThat(i3.unanswered()).isOne();
        // i4: drawn once, left unanswered: no correlation from one attempt
        assertThat(item(overall, I4)).isEqualTo(new ItemStatistics.Item(I4, 1, 0.0, null, List.of(0L, 0L, 0L, 0L), 1));
    }

    @Test
    void givenMarkedAttemptsAtTwoCentres_whenReportedPerCentre_thenEachCentreOnlyItsOwn() {
        processor.deliver(everyEvent());

        ItemStatistics c1 = report("c1");
        ItemStatistics c2 = report("c2");

        assertThat(c1.centreId()).isEqualTo("c1");
        assertThat(c1.attempts()).isEqualTo(2);
        assertThat(c1.meanScore()).isEqualTo(2.0);
        assertThat(c1.items()).extracting(ItemStatistics.Item::itemId).containsExactly(I1, I2, I3);
        // everyone at c1 answered i1 right: facility 1, no variance in x, so no discrimination
        assertThat(item(c1, I1)).isEqualTo(new ItemStatistics.Item(I1, 2, 1.0, null, List.of(0L, 0L, 2L, 0L), 0));
        assertThat(item(c1, I2).discrimination()).isCloseTo(1.0, within(EXACT));
        assertThat(item(c1, I2).optionCounts()).containsExactly(1L, 1L, 0L, 0L);
        assertThat(c2)
                .isEqualTo(new ItemStatistics(
                        ASSESSMENT,
                        "c2",
                        1,
                        0.0,
                        List.of(
                                new ItemStatistics.Item(I1, 1, 0.0, null, List.of(0L, 0L, 0L, 1L), 0),
                                new ItemStatistics.Item(I2, 1, 0.0, null, List.of(1L, 0L, 0L, 0L), 0),
                                new ItemStatistics.Item(I4, 1, 0.0, null, List.of(0L, 0L, 0L, 0L), 1))));
    }

    @Test
    void givenSubmittedAttemptVoided_whenReported_thenItIsTakenAwayAgain() {
        processor.deliver(beforeVoidOf("a4"));
        ItemStatistics c2Before = report("c2");
        // before: a3 (y0) and a4 (y2) at c2; i1: a3 (x0, option 3), a4 (x1, option 2) → (2·2 − 1·2) / √(1·4) = 1
        assertThat(c2Before.attempts()).isEqualTo(2);
        assertThat(c2Before.meanScore()).isEqualTo(1.0);
        assertThat(item(c2Before, I1).optionCounts()).containsExactly(0L, 0L, 1L, 1L);
        assertThat(item(c2Before, I1).discrimination()).isCloseTo(1.0, within(EXACT));
        assertThat(report(null).attempts()).as("a1, a2, a3, a4").isEqualTo(4);

        processor.deliver(
                everyEvent().subList(beforeVoidOf("a4").size(), everyEvent().size()));

        // as if a4 had never been submitted: same figures as the history without it
        MongoDatabase other = mongo.freshDatabase();
        ItemStatisticsProjection neverSubmitted = new ItemStatisticsProjection(other);
        new Processor(neverSubmitted)
                .deliver(AttemptHistories.without(event -> event.aggregateId().equals("a4")));
        assertThat(report("c2"))
                .isEqualTo(neverSubmitted.handle(new ItemStatisticsReport(ASSESSMENT, "c2")))
                .extracting(ItemStatistics::attempts)
                .isEqualTo(1L);
        assertThat(report(null)).isEqualTo(neverSubmitted.handle(new ItemStatisticsReport(ASSESSMENT, null)));
        assertThat(allDocuments(database, ItemStatisticsProjection.STATISTICS))
                .extracting(d -> d.get("items"))
                .isEqualTo(allDocuments(other, ItemStatisticsProjection.STATISTICS).stream()
                        .map(d -> d.get("items"))
                        .toList());
    }

    @Test
    void givenAttemptVoidedBeforeItWasMarked_whenReported_thenNothingChanges() {
        processor.deliver(beforeVoidOf("a6"));
        List<Document> before = allDocuments(database, ItemStatisticsProjection.STATISTICS);

        processor.deliver(
                everyEvent().subList(beforeVoidOf("a6").size(), everyEvent().size()));

        assertThat(allDocuments(database, ItemStatisticsProjection.STATISTICS)).isEqualTo(before);
    }

    @Test
    void givenAttemptVoidedTwice_whenReported_thenTakenAwayOnlyOnce() {
        List<Recorded> events = new ArrayList<>(everyEvent());
        Recorded voided = events.stream()
                .filter(event -> isPayload(event, AttemptVoided.class, "a4"))
                .findFirst()
                .orElseThrow();
        events.add(new Recorded(
                "a4",
                voided.sequence() + 1,
                voided.at().plusSeconds(600),
                new AttemptVoided("a4", "k3", "c2", ASSESSMENT, AttemptStatus.VOIDED, Outcome.PASS, "again"),
                voided.metaData(),
                events.size() + 1L));
        processor.deliver(events);

        assertThat(report("c2").attempts()).isEqualTo(1);
        assertThat(report(null).attempts()).isEqualTo(3);
    }

    @Test
    void givenMarkedAttempt_whenStored_thenItsMarksKeptToTakeAwayOnVoid() {
        processor.deliver(everyEvent());

        Document a4 = allDocuments(database, ItemStatisticsProjection.MARKED_ATTEMPTS).stream()
                .filter(document -> document.get("_id").equals("a4"))
                .findFirst()
                .orElseThrow();

        assertThat(allDocuments(database, ItemStatisticsProjection.MARKED_ATTEMPTS))
                .extracting(document -> document.get("_id"))
                .containsExactly("a1", "a2", "a3", "a4");
        assertThat(a4.getString("centreId")).isEqualTo("c2");
        assertThat(a4.getInteger("score")).isEqualTo(2);
        assertThat(a4.getBoolean("voided")).isTrue();
        assertThat(a4.getList("marks", Document.class))
                .extracting(mark -> mark.getString("itemId"))
                .containsExactly(I1, I2, I3);
    }

    @Test
    void givenEveryEventDeliveredTwice_whenStored_thenAsIfDeliveredOnce() {
        processor.deliver(everyEvent());
        MongoDatabase twice = mongo.freshDatabase();
        Processor twiceProcessor = new Processor(new ItemStatisticsProjection(twice));

        everyEvent().forEach(event -> {
            twiceProcessor.deliver(event);
            twiceProcessor.deliver(event);
        });

        for (String collection :
                List.of(ItemStatisticsProjection.STATISTICS, ItemStatisticsProjection.MARKED_ATTEMPTS)) {
            assertThat(allDocuments(twice, collection))
                    .as(collection)
                    .isNotEmpty()
                    .isEqualTo(allDocuments(database, collection));
        }
    }

    @Test
    void givenSubmissionRedeliveredAfterLaterEvents_whenReported_thenCountedOnce() {
        List<Recorded> events = everyEvent();
        processor.deliver(events);
        ItemStatistics overall = report(null);

        events.stream()
                .filter(event -> event.payload() instanceof AttemptSubmitted)
                .forEach(processor::deliver);

        assertThat(report(null)).isEqualTo(overall);
    }

    @Test
    void givenASubmissionCommittedAfterTheNextEvent_whenDeliveredLate_thenCountedOnceAsInOrder() {
        List<Recorded> events = everyEvent();
        processor.deliver(events);
        int late = 0;
        while (!(events.get(late).payload() instanceof AttemptSubmitted)) {
            late++;
        }
        MongoDatabase lateDatabase = mongo.freshDatabase();
        ItemStatisticsProjection lateProjection = new ItemStatisticsProjection(lateDatabase);

        new Processor(lateProjection).deliverWithOneCommittedLate(events, late);

        assertThat(lateProjection.handle(new ItemStatisticsReport(ASSESSMENT, null)))
                .isEqualTo(report(null));
        assertThat(lateProjection.handle(new ItemStatisticsReport(ASSESSMENT, "c1")))
                .isEqualTo(report("c1"));
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayed_thenIdenticalDocuments() {
        processor.deliver(everyEvent());
        List<Document> statistics = allDocuments(database, ItemStatisticsProjection.STATISTICS);
        List<Document> marked = allDocuments(database, ItemStatisticsProjection.MARKED_ATTEMPTS);

        processor.reset();
        assertThat(report(null).attempts()).isZero();
        assertThat(allDocuments(database, ItemStatisticsProjection.MARKED_ATTEMPTS))
                .isEmpty();
        processor.deliver(everyEvent());

        assertThat(allDocuments(database, ItemStatisticsProjection.STATISTICS)).isEqualTo(statistics);
        assertThat(allDocuments(database, ItemStatisticsProjection.MARKED_ATTEMPTS))
                .isEqualTo(marked);
    }

    @Test
    void givenStatisticsStored_whenRead_thenOneDocumentPerCentreAndOneOverallPerAssessment() {
        processor.deliver(everyEvent());

        assertThat(allDocuments(database, ItemStatisticsProjection.STATISTICS))
                .extracting(document -> document.get("_id"), document -> document.get("centreId"))
                .containsExactly(
                        tuple(ASSESSMENT, null), tuple(ASSESSMENT + "/c1", "c1"), tuple(ASSESSMENT + "/c2", "c2"));
        assertThat(ItemStatisticsProjection.key("A/B", "c/1")).isEqualTo("A%2FB/c%2F1");
        assertThat(ItemStatisticsProjection.key("A/B", null)).isEqualTo("A%2FB");
    }

    @Test
    void pointBiserialIsUndefinedWithoutVarianceOrWithFewerThanTwoAttempts() {
        assertThat(ItemSums.pointBiserial(1, 1, 3, 9, 3)).isNull();
        assertThat(ItemSums.pointBiserial(3, 3, 6, 14, 6)).as("everyone right").isNull();
        assertThat(ItemSums.pointBiserial(3, 0, 6, 14, 0)).as("no one right").isNull();
        assertThat(ItemSums.pointBiserial(3, 1, 6, 12, 2))
                .as("every score the same")
                .isNull();
        // x = (1, 0, 0), y = (3, 1, 2): n 3, Σx 1, Σy 6, Σy² 14, Σxy 3 → (9 − 6) / √(2 · 6) = 3/√12
        assertThat(ItemSums.pointBiserial(3, 1, 6, 14, 3)).isCloseTo(3 / Math.sqrt(12), within(EXACT));
        // a negative discrimination: the one who got it right scored lowest
        assertThat(ItemSums.pointBiserial(3, 1, 6, 14, 1)).isCloseTo(-3 / Math.sqrt(12), within(EXACT));
    }
}
