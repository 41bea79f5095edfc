package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.audit.AuditStory.timeOf;

import java.util.List;
import java.util.function.Function;
import org.awardinghub.query.Page;
import org.awardinghub.query.audit.AuditHistory.Stored;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The audit queries as the API sends them, through a real Axon query bus, over {@link AuditStory}'s history. */
class AuditQueriesTest {

    private final AuditStore store = new AuditStore();
    private final List<Stored> history = AuditStory.history().events();
    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(store.projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
        store.deliver(history);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @SuppressWarnings("unchecked")
    private Page<AuditEvent> timeline(ListTimeline query) {
        return queries.query(query, ResponseTypes.instanceOf(Page.class)).join();
    }

    private static List<Long> positions(Page<AuditEvent> page) {
        return page.items().stream().map(AuditEvent::globalPosition).toList();
    }

    private BlastRadius blastRadius(FindBlastRadius query) {
        return queries.query(query, BlastRadius.class).join();
    }

    /** Each affected candidate with the positions of the events that tie them. */
    private static List<String> tied(BlastRadius radius) {
        Function<BlastRadius.Affected, String> line = affected -> affected.candidateId() + " "
                + affected.events().stream()
                        .map(event -> Long.toString(event.globalPosition()))
                        .toList();
        return radius.candidates().stream().map(line).toList();
    }

    @Nested
    class Timeline {

        @Test
        void givenNoFilter_whenListed_thenEveryEventInGlobalOrderPaged() {
            Page<AuditEvent> first = timeline(new ListTimeline(null, null, null, null, 0, 5));
            Page<AuditEvent> fifth = timeline(new ListTimeline(null, null, null, null, 4, 5));

            assertThat(positions(first)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(first.total()).isEqualTo(21);
            assertThat(first.page()).isZero();
            assertThat(first.size()).isEqualTo(5);
            assertThat(positions(fifth)).containsExactly(21L);
            assertThat(timeline(new ListTimeline(null, null, null, null, 5, 5)).items())
                    .isEmpty();
        }

        @Test
        void givenAPin_whenListed_thenOnlyWhatThatPinDid() {
            Page<AuditEvent> page = timeline(new ListTimeline(AuditStory.INVIGILATOR_C1, null, null, null, 0, 20));

            assertThat(positions(page)).containsExactly(5L, 9L);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.items())
                    .allSatisfy(event -> assertThat(event.actorPin()).isEqualTo(AuditStory.INVIGILATOR_C1));
        }

        @Test
        void givenACentre_whenListed_thenEventsOfThatCentreOrByItsUsers() {
            Page<AuditEvent> page = timeline(new ListTimeline(null, "c1", null, null, 0, 50));

            // the transfer (14) names no centreId and IMI staff have no centre; 17 and 19 name none either
            assertThat(positions(page))
                    .containsExactly(1L, 2L, 3L, 5L, 7L, 8L, 9L, 10L, 12L, 13L, 15L, 16L, 18L, 20L, 21L);
            assertThat(page.total()).isEqualTo(15);
            assertThat(positions(timeline(new ListTimeline(null, "c2", null, null, 0, 50))))
                    .containsExactly(4L, 6L, 11L);
        }

        @Test
        void givenAWindow_whenListed_thenFromInclusiveToExclusive() {
            Page<AuditEvent> page = timeline(new ListTimeline(null, null, timeOf(5), timeOf(9), 0, 50));

            assertThat(positions(page)).containsExactly(5L, 6L, 7L, 8L);
            assertThat(page.total()).isEqualTo(4);
            assertThat(positions(timeline(new ListTimeline(null, null, timeOf(19), null, 0, 50))))
                    .containsExactly(19L, 20L, 21L);
            assertThat(positions(timeline(new ListTimeline(null, null, null, timeOf(3), 0, 50))))
                    .containsExactly(1L, 2L);
        }

        @Test
        void givenFiltersCombined_whenListed_thenOnlyEventsMatchingEveryOne() {
            assertThat(positions(timeline(new ListTimeline(AuditStory.ADMIN_C1, "c1", timeOf(3), timeOf(18), 0, 50))))
                    .containsExactly(3L, 12L, 15L);
            assertThat(positions(timeline(new ListTimeline(AuditStory.ADMIN_C1, "c2", null, null, 0, 50))))
                    .isEmpty();
            assertThat(positions(timeline(new ListTimeline(AuditStory.IMI_ADMIN, null, timeOf(14), null, 0, 50))))
                    .containsExactly(14L, 16L, 17L, 21L);
            assertThat(positions(timeline(new ListTimeline(null, "c1", timeOf(10), timeOf(14), 0, 50))))
                    .containsExactly(10L, 12L, 13L);
            Page<AuditEvent> second = timeline(new ListTimeline(null, "c1", timeOf(2), null, 1, 4));
            assertThat(positions(second)).containsExactly(8L, 9L, 10L, 12L);
            assertThat(second.total()).isEqualTo(14);
        }

        @Test
        void givenPagingOutOfRange_whenListed_thenClampedLikeEveryList() {
            Page<AuditEvent> page = timeline(new ListTimeline(null, null, null, null, -3, 0));
            assertThat(page.page()).isZero();
            assertThat(page.size()).isEqualTo(1);
            assertThat(positions(page)).containsExactly(1L);
            assertThat(timeline(new ListTimeline(null, null, null, null, 0, 10_000))
                            .size())
                    .isEqualTo(200);
        }

        @Test
        void givenBlankFilters_whenListed_thenTheyFilterNothing() {
            assertThat(timeline(new ListTimeline(" ", "", null, null, 0, 50)).total())
                    .isEqualTo(21);
        }
    }

    @Nested
    class BlastRadiusOf {

        @Test
        void givenAnInvigilator_whenAsked_thenExactlyTheCandidatesTheyOpenedAttemptsFor() {
            BlastRadius radius =
                    blastRadius(new FindBlastRadius(LinkKind.INVIGILATOR, AuditStory.INVIGILATOR_C1, null, null));

            assertThat(tied(radius)).containsExactly("k1 [5]", "k2 [9]");
            assertThat(radius.candidates().get(0).events().get(0).type()).isEqualTo("AttemptOpened");
            assertThat(radius.kind()).isEqualTo(LinkKind.INVIGILATOR);
            assertThat(radius.key()).isEqualTo(AuditStory.INVIGILATOR_C1);
            assertThat(tied(blastRadius(
                            new FindBlastRadius(LinkKind.INVIGILATOR, AuditStory.INVIGILATOR_C2, null, null))))
                    .containsExactly("k3 [6]");
        }

        @Test
        void givenAnInvigilatorAndWindow_whenAsked_thenOnlyWhatTheyDidWithinIt() {
            assertThat(tied(blastRadius(
                            new FindBlastRadius(LinkKind.INVIGILATOR, AuditStory.INVIGILATOR_C1, timeOf(6), null))))
                    .containsExactly("k2 [9]");
            assertThat(tied(blastRadius(new FindBlastRadius(
                            LinkKind.INVIGILATOR, AuditStory.INVIGILATOR_C1, timeOf(5), timeOf(9)))))
                    .containsExactly("k1 [5]");
            assertThat(blastRadius(new FindBlastRadius(
                                    LinkKind.INVIGILATOR, AuditStory.INVIGILATOR_C1, timeOf(10), timeOf(30)))
                            .candidates())
                    .isEmpty();
        }

        @Test
        void givenAnItem_whenAsked_thenCandidatesWhoseFormsDrewItOrWhoAnsweredIt() {
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ITEM, "i1", null, null))))
                    .containsExactly("k1 [7]", "k3 [11]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ITEM, "i2", null, null))))
                    .containsExactly("k1 [7, 8]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ITEM, "i4", timeOf(11), timeOf(12)))))
                    .containsExactly("k3 [11]");
        }

        @Test
        void givenAnAssessment_whenAsked_thenEveryCandidateWithAnAttemptAtIt() {
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ASSESSMENT, "LV01-MC", null, null))))
                    .containsExactly("k1 [5, 7, 13, 21]", "k3 [6, 11]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ASSESSMENT, "HV2-MC", null, null))))
                    .containsExactly("k2 [9, 10]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.ASSESSMENT, "LV01-MC", timeOf(12), null))))
                    .containsExactly("k1 [13, 21]");
        }

        @Test
        void givenACentre_whenAsked_thenEveryCandidateWhoseRecordsInvolveItTransfersIncluded() {
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.CENTRE, "c1", null, null))))
                    .containsExactly("k1 [2, 5, 7, 8, 12, 13, 15, 20, 21]", "k2 [3, 9, 10, 14]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.CENTRE, "c2", null, null))))
                    .containsExactly("k2 [14]", "k3 [4, 6, 11]");
            assertThat(tied(blastRadius(new FindBlastRadius(LinkKind.CENTRE, "c1", timeOf(14), timeOf(20)))))
                    .containsExactly("k1 [15]", "k2 [14]");
        }

        @Test
        void givenUnknownKeyOrAssessor_whenAsked_thenNobody() {
            assertThat(blastRadius(new FindBlastRadius(LinkKind.ITEM, "i9", null, null))
                            .candidates())
                    .isEmpty();
            assertThat(blastRadius(new FindBlastRadius(LinkKind.ASSESSOR, AuditStory.INVIGILATOR_C1, null, null))
                            .candidates())
                    .isEmpty();
        }
    }

    @Nested
    class CaseBundles {

        private CaseBundle bundle(String caseId) {
            return queries.query(new FindCaseBundle(caseId), CaseBundle.class).join();
        }

        @Test
        void givenFrozenCase_whenBundled_thenItsRecordsEventsUpToThePositionOnly() {
            CaseBundle bundle = bundle("case1");

            assertThat(bundle.caseId()).isEqualTo("case1");
            assertThat(bundle.title()).isEqualTo("Notes found in LV01-MC");
            assertThat(bundle.frozenAt()).isEqualTo(timeOf(19));
            assertThat(bundle.frozenByPin()).isEqualTo(AuditStory.AUDITOR);
            assertThat(bundle.upToPosition()).isEqualTo(13);
            assertThat(bundle.records())
                    .containsExactly(new CaseBundle.Record("candidate", "k1"), new CaseBundle.Record("attempt", "a1"));
            // 20 (k1 withdrawn) and 21 (a1 voided) exist, but came after the position
            assertThat(bundle.events())
                    .extracting(chained -> chained.event().globalPosition())
                    .containsExactly(2L, 5L, 7L, 8L, 12L, 13L);
            assertThat(bundle.chainHashAtPosition())
                    .isEqualTo(store.log.hashes(12, 1).get(0).chainHash())
                    .isEqualTo(bundle.events().get(5).hash());
        }

        @Test
        void givenBundle_whenEachEventIsRechainedFromItsPreviousHash_thenItsHashComesOut() {
            CaseBundle bundle = bundle("case1");

            assertThat(bundle.events()).allSatisfy(chained -> {
                Stored original = history.get((int) chained.event().globalPosition() - 1);
                assertThat(AuditChain.next(chained.previousHash(), AuditStore.stored(original)))
                        .isEqualTo(chained.hash());
            });
            // the previous hash is the chain's hash at the position before, which need not be in the bundle
            assertThat(bundle.events().get(1).previousHash())
                    .isEqualTo(store.log.hashes(3, 1).get(0).chainHash());
        }

        @Test
        void givenBundle_whenLaterEventsArrive_thenTheBundleIsUnchanged() {
            CaseBundle before = bundle("case1");
            AuditHistory more = AuditStory.history()
                    .then(
                            "Candidate",
                            "k1",
                            new org.awardinghub.events.candidate.CandidateReinstated("k1", "c1", "returned"),
                            AuditStory.staff(AuditStory.ADMIN_C1, "c1", "returned"));

            store.deliver(more.at(22).tracked());

            assertThat(bundle("case1")).isEqualTo(before);
        }

        @Test
        void givenCaseFrozenAtAPositionNotYetReached_whenBundled_thenItStopsBeforeTheFreezing() {
            AuditHistory more = AuditStory.history()
                    .then(
                            "InvestigationCase",
                            "case2",
                            new org.awardinghub.events.audit.CaseFrozen(
                                    "case2",
                                    "Early",
                                    List.of(new org.awardinghub.events.audit.CaseFrozen.RecordRef("candidate", "k1")),
                                    500,
                                    timeOf(22)),
                            AuditStory.staff(AuditStory.AUDITOR, null, null))
                    .then(
                            "Candidate",
                            "k1",
                            new org.awardinghub.events.candidate.CandidateReinstated("k1", "c1", "returned"),
                            AuditStory.staff(AuditStory.ADMIN_C1, "c1", "returned"));
            store.deliver(more.at(22).tracked());
            store.deliver(more.at(23).tracked());

            CaseBundle bundle = bundle("case2");

            assertThat(bundle.upToPosition()).isEqualTo(21);
            assertThat(bundle.events())
                    .extracting(chained -> chained.event().globalPosition())
                    .containsExactly(2L, 12L, 20L);
        }

        @Test
        void givenNoSuchCase_whenBundled_thenNull() {
            assertThat(bundle("nothing")).isNull();
        }
    }

    @Test
    void givenHistory_whenHeadAsked_thenLastPositionAndCount() {
        ChainHead head = queries.query(new FindChainHead(), ChainHead.class).join();

        assertThat(head.position()).isEqualTo(21);
        assertThat(head.eventCount()).isEqualTo(21);
        assertThat(head.at()).isEqualTo(timeOf(21));
        assertThat(head.hash()).isEqualTo(store.rows("audit_log").get(20).get("CHAIN_HASH"));
    }

    @Test
    void givenRecord_whenAskedThroughTheBus_thenItsEvents() {
        assertThat(queries.query(
                                new FindRecordEvents("claim", "cl1"),
                                ResponseTypes.multipleInstancesOf(AuditEvent.class))
                        .join())
                .extracting(AuditEvent::globalPosition)
                .containsExactly(15L);
    }
}
