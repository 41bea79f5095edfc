package org.awardinghub.command.certification;

import org.awardinghub.command.CommandPolicies;
import org.awardinghub.command.candidate.RecordCertificate;
import org.awardinghub.command.candidate.RecordCertificateRevoked;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Records on the candidate's own history what happened to their certificate: issued (CERTIFICATED) and revoked
 * (REGISTERED again). The candidate directory already says so from the claim's own transaction, so the centre is
 * refused a withdrawal from the moment of issue; this brings the candidate aggregate into line a moment later.
 * <p>
 * The application runs it as a single-segment tracking processor: events are handled in order, an error
 * propagates and the event is retried, and the commands are idempotent, so a retry records nothing twice. Never
 * replayed: the candidates' histories hold the outcome already. The commands carry the event's correlation id,
 * and the event as their cause.
 */
@Component
@ProcessingGroup(CertificationPolicy.PROCESSING_GROUP)
@DisallowReplay
class CertificationPolicy {

    public static final String PROCESSING_GROUP = CommandPolicies.PROCESSING_GROUP;

    private final CommandGateway commands;

    public CertificationPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CertificateIssued event, EventMessage<?> message) {
        send(
                new RecordCertificate(
                        event.candidateId(), event.claimId(), event.qualificationCode(), event.certificateNumber()),
                message);
    }

    @EventHandler
    void on(CertificateRevoked event, EventMessage<?> message) {
        send(
                new RecordCertificateRevoked(
                        event.candidateId(), event.claimId(), event.certificateNumber(), event.reason()),
                message);
    }

    private void send(Object command, EventMessage<?> cause) {
        commands.sendAndWait(new GenericCommandMessage<>(command, CommandPolicies.causedBy(cause)));
    }
}
