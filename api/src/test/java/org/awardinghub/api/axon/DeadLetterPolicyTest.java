package org.awardinghub.api.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DeadLetterPolicyTest {

    private final DeadLetterPolicy policy = new DeadLetterPolicy("portal");
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void givenAHandlerFault_whenDecided_thenTheEventIsParkedWithNoRetriesYet() {
        var fault = new IllegalStateException("no such qualification");
        EnqueueDecision<EventMessage<?>> decision =
                policy.decide(new GenericDeadLetter<>("record", event, fault), fault);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).contains(fault);
        DeadLetter<? extends EventMessage<?>> parked =
                decision.withDiagnostics(new GenericDeadLetter<>("record", event, fault));
        assertThat(parked.diagnostics().get(DeadLetterPolicy.RETRIES)).isEqualTo(0L);
    }

    @Test
    void givenARetryThatFailsAgain_whenDecided_thenItStaysParkedAndTheRetryIsCounted() {
        var fault = new IllegalStateException("still broken");
        DeadLetter<EventMessage<?>> retried = new GenericDeadLetter<EventMessage<?>>("record", event, fault)
                .withDiagnostics(MetaData.with(DeadLetterPolicy.RETRIES, 2));
        EnqueueDecision<EventMessage<?>> decision = policy.decide(retried, fault);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.withDiagnostics(retried).diagnostics().get(DeadLetterPolicy.RETRIES))
                .isEqualTo(3L);
    }

    @Test
    void givenAStoreThatDoesNotAnswer_whenDecided_thenNothingIsParkedAndTheFailureGoesOnToTheProcessor() {
        var mongoDown = new RuntimeException(
                "write failed", new MongoSocketOpenException("refused", new ServerAddress("db.example", 27017)));
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("record", event, mongoDown), mongoDown))
                .isSameAs(mongoDown);
        var noConnection = new CannotGetJdbcConnectionException("pool exhausted");
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("record", event, noConnection), noConnection))
                .isSameAs(noConnection);
        var deadlock = new CannotAcquireLockException("deadlock");
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("record", event, deadlock), deadlock))
                .isSameAs(deadlock);
        var checked = new SQLTransientConnectionException("connection reset");
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("record", event, checked), checked))
                .isInstanceOf(EventProcessingException.class)
                .hasCause(checked);
    }
}
