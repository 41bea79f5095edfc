package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which records name a candidate, as a subject access export asks the audit log (ADR 0167): every record with an
 * event whose {@code candidateId} is theirs, in the order the first of them was logged, and no other candidate's.
 */
class CandidateRecordsTest {

    private final AuditStore store = new AuditStore();
    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new CandidateRecords(store.jdbc)).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
        store.deliver(AuditStory.history().events());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<CandidateRecord> recordsOf(String candidateId) {
        return queries.query(
                        new FindCandidateRecords(candidateId), ResponseTypes.multipleInstancesOf(CandidateRecord.class))
                .join();
    }

    @Test
    void givenTheStory_whenACandidatesRecordsAreAskedFor_thenTheirRecordAttemptAndClaimOnly() {
        assertThat(recordsOf("k1"))
                .containsExactly(
                        new CandidateRecord("Candidate", "k1"),
                        new CandidateRecord("Attempt", "a1"),
                        new CandidateRecord("Claim", "cl1"));
        assertThat(recordsOf("k2"))
                .containsExactly(new CandidateRecord("Candidate", "k2"), new CandidateRecord("Attempt", "a3"));
        assertThat(recordsOf("nobody")).isEmpty();
    }
}
