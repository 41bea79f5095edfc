package org.awardinghub.command.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.command.candidate.RecordCertificate;
import org.awardinghub.command.candidate.RecordCertificateRevoked;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificationPolicyTest {

    static final CertificateIssued ISSUED = new CertificateIssued(
            "claim-1",
            "candidate-1",
            "centre-1",
            "MVR-L2",
            "C7KQ3MZ9BX",
            "Zoë O'Brien",
            LocalDate.parse("2026-12-01"),
            Instant.parse("2026-12-01T10:00:00Z"),
            true);
    static final CertificateRevoked REVOKED = new CertificateRevoked(
            "claim-1", "candidate-1", "centre-1", "MVR-L2", "C7KQ3MZ9BX", LocalDate.parse("2027-01-10"), "Malpractice");

    final List<CommandMessage<?>> sent = new ArrayList<>();
    SimpleCommandBus bus;
    AnnotationEventHandlerAdapter policy;

    @BeforeEach
    void setUp() {
        bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordCertificate.class.getName(), command -> {
            sent.add(command);
            return null;
        });
        bus.subscribe(RecordCertificateRevoked.class.getName(), command -> {
            sent.add(command);
            return null;
        });
        policy = new AnnotationEventHandlerAdapter(new CertificationPolicy(
                DefaultCommandGateway.builder().commandBus(bus).build()));
    }

    static EventMessage<?> fromRequest(Object event, String correlationId) {
        return GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.from(Map.of(
                        AuditMetadata.CORRELATION_ID, correlationId,
                        AuditMetadata.CAUSATION_ID, "command-7",
                        AuditMetadata.ACTOR_USER_ID, "user-imi",
                        AuditMetadata.ACTOR_PIN, "89012345")));
    }

    @Test
    void givenACertificateIssued_whenHandled_thenTheCandidateIsToldWithTheRequestsCorrelationAndTheEventAsCause()
            throws Exception {
        EventMessage<?> event = fromRequest(ISSUED, "request-42");
        policy.handle(event);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload())
                .isEqualTo(new RecordCertificate("candidate-1", "claim-1", "MVR-L2", "C7KQ3MZ9BX"));
        assertThat(sent.get(0).getMetaData())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        AuditMetadata.CORRELATION_ID, "request-42", AuditMetadata.CAUSATION_ID, event.getIdentifier()));
    }

    @Test
    void givenACertificateRevoked_whenHandled_thenTheCandidateIsToldWithTheReason() throws Exception {
        EventMessage<?> event = fromRequest(REVOKED, "request-43");
        policy.handle(event);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload())
                .isEqualTo(new RecordCertificateRevoked("candidate-1", "claim-1", "C7KQ3MZ9BX", "Malpractice"));
        assertThat(sent.get(0).getMetaData())
                .containsEntry(AuditMetadata.CORRELATION_ID, "request-43")
                .containsEntry(AuditMetadata.CAUSATION_ID, event.getIdentifier());
    }

    @Test
    void givenAnEventWithoutCorrelation_whenHandled_thenTheEventStartsTheChain() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage(ISSUED);
        policy.handle(event);

        assertThat(sent.get(0).getMetaData())
                .containsEntry(AuditMetadata.CORRELATION_ID, event.getIdentifier())
                .containsEntry(AuditMetadata.CAUSATION_ID, event.getIdentifier());
    }

    @Test
    void givenAReplacement_whenHandled_thenNothingIsSent() throws Exception {
        policy.handle(GenericEventMessage.asEventMessage(new CertificateReplaced(
                "claim-1",
                "candidate-1",
                "centre-1",
                "MVR-L2",
                "C7KQ3MZ9BX",
                "CHJ4RT6WYZ",
                "Zoë O'Brien",
                LocalDate.parse("2027-01-02"),
                "Lost")));
        assertThat(sent).isEmpty();
    }

    /** The processor retries the event: a refused command must not be swallowed. */
    @Test
    void givenTheCommandFails_whenHandled_thenTheFailurePropagates() {
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(RecordCertificate.class.getName(), command -> {
            throw new IllegalStateException("database unavailable");
        });
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(new CertificationPolicy(
                DefaultCommandGateway.builder().commandBus(failing).build()));

        assertThatThrownBy(() -> handler.handle(fromRequest(ISSUED, "request-44")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database unavailable");
    }

    /** A replay would certificate candidates again from old events: the policy refuses to be reset. */
    @Test
    void givenThePolicy_whenAReplayIsAsked_thenItDoesNotTakePart() {
        assertThat(policy.supportsReset()).isFalse();
    }

    @Test
    void givenThePolicy_whenItsProcessingGroupIsRead_thenTheOneTheApplicationConfigures() {
        assertThat(CertificationPolicy.class
                        .getAnnotation(ProcessingGroup.class)
                        .value())
                .isEqualTo(CertificationPolicy.PROCESSING_GROUP)
                .isEqualTo("certification-policy");
    }
}
