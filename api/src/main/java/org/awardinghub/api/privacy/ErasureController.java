package org.awardinghub.api.privacy;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.candidate.EraseCandidate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a candidate's personal data by IMI (UK GDPR Article 17; ADR 0163): the candidate's key is deleted with
 * the {@code CandidateErased} event, in one transaction. Answered 202: the erasure is recorded and the personal data
 * unreadable at once; the read models forget it as their processors reach the event, a moment later.
 */
@RestController
class ErasureController {

    /** {@code legalBasis}: the ground for erasure, for example "UK GDPR Art. 17(1)(a)" or "retention period ended". */
    public record Erasure(
            @NotBlank @Size(max = 1000) @MultiLine String reason,
            @NotBlank @Size(max = 200) @SingleLine String legalBasis) {}

    public record Erased(String candidateId, String status) {}

    private final CommandGateway commands;

    ErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    /** Erases the candidate's personal data; 409 while a legal hold stands or when erased already. */
    @PostMapping("/api/candidates/{candidateId}/erasure")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Erased erase(@PathVariable String candidateId, @Valid @RequestBody Erasure request) {
        commands.sendAndWait(new EraseCandidate(candidateId, request.reason(), request.legalBasis()));
        return new Erased(candidateId, "ERASED");
    }
}
