package org.awardinghub.api.certification;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.certification.CertificateDirectory;
import org.awardinghub.command.certification.CertificateEntry;
import org.awardinghub.command.certification.CertificateNumbers;
import org.awardinghub.command.investigation.FreezeCase;
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.query.audit.CaseBundle;
import org.awardinghub.query.audit.FindProvenance;
import org.awardinghub.query.audit.Provenance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A certificate's provenance, for investigators (AUDITOR and IMI_ADMIN): everything it rests on as a graph, each link
 * with its event and whether the hash chain covers it, and the same records frozen into a case bundle (ADR 0170).
 * The number leads to its claim through the command side's certificate directory; the graph itself comes from the
 * audit log ({@link FindProvenance}).
 */
@RestController
class ProvenanceController {

    /** The case to freeze from a provenance: only its title (named apart from the audit API's own case records). */
    public record ProvenanceCase(
            @NotBlank @Size(max = 200) @SingleLine String title) {}

    /** The case frozen: its id, the position its records are frozen at, and those records. */
    public record ProvenanceCaseFrozen(String caseId, long upToPosition, List<CaseBundle.Record> records) {}

    private final Queries queries;
    private final CommandGateway commands;
    private final CertificateDirectory register;

    ProvenanceController(Queries queries, CommandGateway commands, CertificateDirectory register) {
        this.queries = queries;
        this.commands = commands;
        this.register = register;
    }

    /** Everything the certificate rests on, each link with its event's global position and the chain's check. */
    @GetMapping("/api/certificates/{certificateNumber}/provenance")
    @Allow({AUDITOR, IMI_ADMIN})
    public Provenance provenance(@PathVariable String certificateNumber) {
        return provenanceOf(certificateNumber);
    }

    /**
     * Freezes an investigation case of every record the certificate's provenance rests on, at the chain's head: its
     * bundle then holds every event of the provenance, each with its chain hashes.
     */
    @PostMapping("/api/certificates/{certificateNumber}/provenance/case")
    @Allow({AUDITOR, IMI_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<ProvenanceCaseFrozen> freeze(
            @PathVariable String certificateNumber, @Valid @RequestBody ProvenanceCase request) {
        Provenance provenance = provenanceOf(certificateNumber);
        long position = provenance.chain().headPosition();
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new FreezeCase(
                caseId,
                request.title(),
                provenance.records().stream()
                        .map(record -> new CaseFrozen.RecordRef(record.type(), record.id()))
                        .toList(),
                position));
        return ResponseEntity.created(URI.create("/api/audit/cases/" + caseId + "/bundle"))
                .body(new ProvenanceCaseFrozen(caseId, position, provenance.records()));
    }

    private Provenance provenanceOf(String certificateNumber) {
        String number =
                certificateNumber == null ? "" : certificateNumber.strip().toUpperCase(Locale.ROOT);
        if (!CertificateNumbers.isWellFormed(number)) {
            throw ApiProblem.badRequest(
                    "certificateNumber",
                    "certificateNumber must be " + CertificateNumbers.PREFIX + " and " + CertificateNumbers.DRAWN_LENGTH
                            + " letters or digits, e.g. C7KQ3MZ9BX");
        }
        CertificateEntry certificate =
                register.certificate(number).orElseThrow(() -> ApiProblem.notFound("No such certificate"));
        return queries.one(new FindProvenance(number, certificate.claimId()), Provenance.class)
                .orElseThrow(() -> ApiProblem.notFound(
                        "The audit log does not hold this certificate's issue yet: try again in a moment"));
    }
}
