package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.events.PersonalData;
import org.awardinghub.query.audit.Provenance.Edge;
import org.awardinghub.query.audit.Provenance.Kind;
import org.awardinghub.query.audit.Provenance.Link;
import org.awardinghub.query.audit.Provenance.Node;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A certificate's provenance over {@link ProvenanceStory}: exactly the events it rests on (not another candidate's,
 * not anything after the certificate), each node with its events, and the chain's check of each of them.
 */
class ProvenancesTest {

    private final AuditStore store = new AuditStore();
    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Provenances(store.log)).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
        store.deliver(ProvenanceStory.history().events());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Provenance provenance(String number, String claimId) {
        return queries.query(new FindProvenance(number, claimId), ResponseTypes.instanceOf(Provenance.class))
                .join();
    }

    private static Node node(Provenance provenance, String id) {
        return provenance.nodes().stream()
                .filter(node -> node.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + provenance.nodes()));
    }

    private static List<Long> positions(Node node) {
        return node.events().stream().map(Link::globalPosition).toList();
    }

    @Test
    void givenACertificatedCandidate_whenTheProvenanceIsAsked_thenExactlyEveryEventTheCertificateRestsOn() {
        Provenance provenance = provenance(ProvenanceStory.CERTIFICATE, "cl1");

        assertThat(provenance.events())
                .extracting(Link::globalPosition)
                .containsExactlyElementsOf(ProvenanceStory.RESTS_ON);
        assertThat(provenance.issuedAtPosition()).isEqualTo(28);
        assertThat(provenance.candidateId()).isEqualTo("k1");
        assertThat(provenance.records())
                .containsExactlyInAnyOrder(
                        new CaseBundle.Record("claim", "cl1"),
                        new CaseBundle.Record("centre", "c1"),
                        new CaseBundle.Record("candidate", "k1"),
                        new CaseBundle.Record("attempt", "a1"),
                        new CaseBundle.Record("attempt", "a2"),
                        new CaseBundle.Record("attempt", "a3"),
                        new CaseBundle.Record("attempt", "a4"),
                        new CaseBundle.Record("portfolio", "portfolio-k1"));
        assertThat(provenance.chain().allCovered()).isTrue();
        assertThat(provenance.chain().headPosition()).isEqualTo(32);
        assertThat(provenance.events()).allSatisfy(link -> {
            assertThat(link.covered()).isTrue();
            assertThat(link.chainHash()).hasSize(64);
            assertThat(link.eventId()).isEqualTo("event-" + link.globalPosition());
        });
    }

    @Test
    void givenTheGraph_thenEachThingTheCertificateRestsOnIsANodeWithTheEventsThatRecordIt() {
        Provenance provenance = provenance(ProvenanceStory.CERTIFICATE, "cl1");

        assertThat(positions(node(provenance, "certificate:" + ProvenanceStory.CERTIFICATE)))
                .containsExactly(28L);
        assertThat(positions(node(provenance, "claim:cl1"))).containsExactly(27L);
        Node status = node(provenance, "centre-status:c1");
        assertThat(status.kind()).isEqualTo(Kind.CENTRE_STATUS);
        assertThat(status.label()).contains("held Direct Claim Status");
        assertThat(positions(status)).containsExactly(25L);
        assertThat(positions(node(provenance, "candidate:k1"))).containsExactly(3L);
        assertThat(positions(node(provenance, "amendment:10"))).containsExactly(10L);
        assertThat(positions(node(provenance, "attempt:a1"))).containsExactly(5L, 6L, 7L, 8L);
        assertThat(node(provenance, "attempt:a1").label()).contains("LV01-MC attempt 1", "FAIL");
        assertThat(node(provenance, "attempt:a2").label()).contains("PASS", "counted");
        assertThat(node(provenance, "attempt:a3").label()).contains("VOIDED");
        assertThat(positions(node(provenance, "invigilator:20000001"))).containsExactly(5L, 14L, 16L);
        assertThat(positions(node(provenance, "invigilator:20000002"))).containsExactly(11L);
        assertThat(positions(node(provenance, "pass-mark:LV01-MC:60"))).containsExactly(5L);
        assertThat(positions(node(provenance, "pass-mark:LV01-MC:65"))).containsExactly(11L);
        assertThat(positions(node(provenance, "form:a2"))).containsExactly(12L);
        // item i1 was shown alike on both forms (its options in another order): one version, on both
        List<Node> items = provenance.nodes().stream()
                .filter(node -> node.kind() == Kind.ITEM)
                .toList();
        assertThat(items).hasSize(5);
        assertThat(items.stream().filter(item -> item.id().startsWith("item:i1@")))
                .singleElement()
                .satisfies(item -> assertThat(positions(item)).containsExactly(6L, 12L));
        assertThat(positions(node(provenance, "unit:U1"))).containsExactly(21L, 22L);
        assertThat(positions(node(provenance, "sign-off:23"))).containsExactly(23L);
        assertThat(node(provenance, "sign-off:23").label()).contains("drawn for the IQA's sample");
        assertThat(positions(node(provenance, "iqa-sample:24"))).containsExactly(24L);
        assertThat(positions(node(provenance, "assessor:30000001"))).containsExactly(19L);
        assertThat(positions(node(provenance, "iqa:40000001"))).containsExactly(20L);

        assertThat(provenance.edges())
                .contains(
                        new Edge("certificate:" + ProvenanceStory.CERTIFICATE, "claim:cl1", "issued on"),
                        new Edge("claim:cl1", "centre-status:c1", "claimed under"),
                        new Edge("claim:cl1", "attempt:a2", "achieved by"),
                        new Edge("claim:cl1", "attempt:a4", "achieved by"),
                        new Edge("candidate:k1", "attempt:a1", "sat"),
                        new Edge("attempt:a2", "invigilator:20000002", "opened by"),
                        new Edge("attempt:a2", "pass-mark:LV01-MC:65", "marked against"),
                        new Edge("unit:U1", "sign-off:23", "signed off"),
                        new Edge("sign-off:23", "assessor:30000001", "by"),
                        new Edge("iqa-sample:24", "iqa:40000001", "by"),
                        new Edge("candidate:k1", "amendment:10", "amended by"));
        Map<String, Node> byId = provenance.nodes().stream().collect(Collectors.toMap(Node::id, node -> node));
        assertThat(provenance.edges()).allSatisfy(edge -> {
            assertThat(byId).containsKey(edge.from());
            assertThat(byId).containsKey(edge.to());
        });
    }

    @Test
    void givenAnAttemptsStoredPayloadTamperedWith_thenItsLinkIsNoLongerCovered() {
        store.jdbc.update("UPDATE audit_log SET payload = REPLACE(payload, 'FAIL', 'PASS') WHERE global_index = 8");

        Provenance provenance = provenance(ProvenanceStory.CERTIFICATE, "cl1");

        assertThat(provenance.chain().allCovered()).isFalse();
        assertThat(provenance.chain().notCovered()).containsExactly(8L);
        assertThat(provenance.events())
                .filteredOn(link -> link.globalPosition() != 8)
                .allSatisfy(link -> assertThat(link.covered()).isTrue());
    }

    @Test
    void givenTheCandidateErased_thenTheSameEventsStillCoveredAndTheirNameReadsErased() {
        // once the candidate's key is deleted, every personal value of theirs opens as erased; the stored rows and
        // the chain over them are unchanged
        Set<String> personal = Set.of("holderName", "firstName", "lastName", "oldFirstName", "oldLastName", "reason");
        Provenances erased = new Provenances(
                new AuditLog(store.jdbc, (field, stored) -> personal.contains(field) ? PersonalData.ERASED : stored));

        Provenance provenance = erased.handle(new FindProvenance(ProvenanceStory.CERTIFICATE, "cl1"));

        assertThat(provenance.events())
                .extracting(Link::globalPosition)
                .containsExactlyElementsOf(ProvenanceStory.RESTS_ON);
        assertThat(provenance.chain().allCovered()).isTrue();
        assertThat(node(provenance, "certificate:" + ProvenanceStory.CERTIFICATE)
                        .label())
                .contains(PersonalData.ERASED)
                .doesNotContain("Anne");
    }

    @Test
    void givenANumberNotIssuedOnThatClaim_thenNoProvenance() {
        assertThat(provenance("C2222222222", "cl1")).isNull();
        assertThat(provenance(ProvenanceStory.CERTIFICATE, "cl2")).isNull();
    }
}
