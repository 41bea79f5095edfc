package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical form depends on what an event says, not on how its JSON was laid out. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-06-01T09:01:00.250Z");

    private static AuditChain.StoredEvent event(String payload, String metadata) {
        return new AuditChain.StoredEvent(
                7,
                "event-7",
                "org.awardinghub.events.candidate.CandidateWithdrawn",
                "Candidate",
                "k1",
                2,
                AT,
                payload,
                metadata);
    }

    @Test
    void givenTheSameJsonWithOtherKeyOrderAndSpacing_whenCanonical_thenTheSameFormAndHash() {
        AuditChain.StoredEvent compact = event(
                "{\"candidateId\":\"k1\",\"centreId\":\"c1\",\"detail\":{\"b\":1,\"a\":[2,{\"y\":1,\"x\":0}]}}",
                "{\"actorPin\":\"10000001\",\"reason\":\"left\"}");
        AuditChain.StoredEvent laidOut = event("""
                {
                  "detail" : { "a" : [ 2, { "x" : 0, "y" : 1 } ], "b" : 1 },
                  "centreId" : "c1",
                  "candidateId" : "k1"
                }""", "{ \"reason\" : \"left\",\n \"actorPin\" : \"10000001\" }");

        assertThat(AuditChain.canonical(laidOut)).isEqualTo(AuditChain.canonical(compact));
        assertThat(AuditChain.next(AuditChain.GENESIS, laidOut))
                .isEqualTo(AuditChain.next(AuditChain.GENESIS, compact));
        assertThat(AuditChain.canonical(compact))
                .isEqualTo("{\"position\":7,\"eventId\":\"event-7\","
                        + "\"payloadType\":\"org.awardinghub.events.candidate.CandidateWithdrawn\",\"aggregateType\":\"Candidate\","
                        + "\"aggregateId\":\"k1\",\"sequence\":2,\"timestamp\":\"2026-06-01T09:01:00.250Z\","
                        + "\"payload\":{\"candidateId\":\"k1\",\"centreId\":\"c1\",\"detail\":{\"a\":[2,{\"x\":0,\"y\":1}],\"b\":1}},"
                        + "\"metadata\":{\"actorPin\":\"10000001\",\"reason\":\"left\"}}");
    }

    @Test
    void givenAnyFactChanged_whenHashed_thenTheHashDiffers() {
        AuditChain.StoredEvent original = event("{\"candidateId\":\"k1\"}", "{\"actorPin\":\"10000001\"}");
        String hash = AuditChain.next(AuditChain.GENESIS, original);

        assertThat(AuditChain.next(
                        AuditChain.GENESIS, event("{\"candidateId\":\"k2\"}", "{\"actorPin\":\"10000001\"}")))
                .isNotEqualTo(hash);
        assertThat(AuditChain.next(
                        AuditChain.GENESIS, event("{\"candidateId\":\"k1\"}", "{\"actorPin\":\"10000002\"}")))
                .isNotEqualTo(hash);
        assertThat(AuditChain.next("1".repeat(64), original)).isNotEqualTo(hash);
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void givenEventOfNoAggregate_whenHashedAsDeliveredAndAsFiledInTheStore_thenTheSameHashWithoutAggregate() {
        String payload = "{\"documentId\":\"d1\",\"version\":2}";
        AuditChain.StoredEvent delivered = new AuditChain.StoredEvent(
                9,
                "event-9",
                "org.awardinghub.events.library.LibraryDocumentDownloaded",
                null,
                null,
                AuditChain.NO_SEQUENCE,
                AT,
                payload,
                "{}");
        AuditChain.StoredEvent filed = new AuditChain.StoredEvent(
                9,
                "event-9",
                "org.awardinghub.events.library.LibraryDocumentDownloaded",
                null,
                "event-9",
                0,
                AT,
                payload,
                "{}");

        assertThat(AuditChain.next(AuditChain.GENESIS, filed))
                .isEqualTo(AuditChain.next(AuditChain.GENESIS, delivered));
        assertThat(AuditChain.canonical(filed)).contains("\"aggregateId\":null,\"sequence\":-1");
        assertThat(AuditChain.next(AuditChain.GENESIS, filed))
                .as("the payload is still hashed")
                .isNotEqualTo(AuditChain.next(
                        AuditChain.GENESIS,
                        new AuditChain.StoredEvent(
                                9,
                                "event-9",
                                "org.awardinghub.events.library.LibraryDocumentDownloaded",
                                null,
                                "event-9",
                                0,
                                AT,
                                "{\"documentId\":\"d1\",\"version\":1}",
                                "{}")));
    }
}
