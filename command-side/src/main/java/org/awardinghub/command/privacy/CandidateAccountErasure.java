package org.awardinghub.command.privacy;

import org.awardinghub.command.CommandPolicies;
import org.awardinghub.command.user.EraseUser;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.candidate.CandidateErased;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * An erased candidate's own account (their ePortfolio sign-in) is erased with them (ADR 0163): for each
 * {@code CandidateErased}, {@code EraseUser} of the account the candidate has, with the erasure's reason and legal
 * basis. It runs in the command side's policy processor (its stored name is {@code certification-policy}), which
 * sends commands, never replays and retries what fails; erasing an account twice records nothing.
 */
@Component
@ProcessingGroup(CommandPolicies.PROCESSING_GROUP)
@DisallowReplay
class CandidateAccountErasure {

    private final CommandGateway commands;
    private final UserDirectory users;

    CandidateAccountErasure(CommandGateway commands, UserDirectory users) {
        this.commands = commands;
        this.users = users;
    }

    @EventHandler
    void on(CandidateErased event, EventMessage<?> message) {
        users.findByCandidate(event.candidateId())
                .ifPresent(account -> commands.sendAndWait(new GenericCommandMessage<>(
                        new EraseUser(account.userId(), event.reason(), event.legalBasis()),
                        CommandPolicies.causedBy(message))));
    }
}
