package org.awardinghub.api.consideration;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.files.StoredFiles;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.command.consideration.ApplyForSpecialConsideration;
import org.awardinghub.command.consideration.DecideSpecialConsideration;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.query.Page;
import org.awardinghub.query.consideration.ConsiderationView;
import org.awardinghub.query.consideration.FindConsideration;
import org.awardinghub.query.consideration.ListConsiderations;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Special consideration (ADR 0155): a centre admin or coordinator applies for a candidate affected at a sitting;
 * IMI admins decide from their queue. Centre users read their own centre's and candidates' applications.
 */
@RestController
class SpecialConsiderationController {

    public record Applied(String considerationId, String status) {}

    public record Decision(
            @NotNull ConsiderationDecision decision,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record Decided(String considerationId, String status, ConsiderationDecision decision) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final StoredFiles files;

    SpecialConsiderationController(Access access, CommandGateway commands, Queries queries, StoredFiles files) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
    }

    /**
     * Applies for special consideration for a submitted attempt, within 7 days of the sitting, with an optional
     * evidence file (its type told by its bytes: anything not accepted answers 415). {@code incidentId}, if given,
     * names an incident an invigilator recorded against this attempt (400 otherwise).
     */
    @PostMapping(
            value = "/api/assessment-attempts/{attemptId}/special-considerations",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.ATTEMPT_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Applied> apply(
            @PathVariable String attemptId,
            @RequestParam Circumstance circumstance,
            @RequestParam String description,
            @RequestParam(required = false) String incidentId,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        SpecialConsiderationApplied.Evidence evidence = files.storeIfSent(file, "evidence")
                .map(stored -> new SpecialConsiderationApplied.Evidence(
                        stored.fileName(), stored.type().mediaType(), stored.size(), stored.sha256()))
                .orElse(null);
        String considerationId = UUID.randomUUID().toString();
        commands.sendAndWait(new ApplyForSpecialConsideration(
                considerationId,
                attemptId,
                circumstance,
                incidentId,
                description,
                evidence,
                access.current().userId()));
        return ResponseEntity.created(URI.create("/api/special-considerations/" + considerationId))
                .body(new Applied(considerationId, ConsiderationView.PENDING));
    }

    /** IMI's queue of applications across centres, newest first; {@code ?status=PENDING} lists those waiting. */
    @GetMapping("/api/special-considerations")
    @Allow({IMI_ADMIN, AUDITOR})
    public Page<ConsiderationView> queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        checkStatus(status);
        Paging paging = Paging.of(page, size);
        return queries.page(
                new ListConsiderations(null, null, status, paging.page(), paging.size()), ConsiderationView.class);
    }

    /** One application, with its decision once made. */
    @GetMapping("/api/special-considerations/{considerationId}")
    @Allow({IMI_ADMIN, AUDITOR})
    public ConsiderationView consideration(@PathVariable String considerationId) {
        return find(considerationId);
    }

    /** The evidence file sent with an application, as uploaded, with the hash the event recorded. */
    @GetMapping("/api/special-considerations/{considerationId}/evidence")
    @Allow({IMI_ADMIN, AUDITOR})
    public ResponseEntity<InputStreamResource> evidence(@PathVariable String considerationId) {
        SpecialConsiderationApplied.Evidence evidence = find(considerationId).evidence();
        if (evidence == null) {
            throw ApiProblem.notFound("This application has no evidence file");
        }
        return StoredFiles.attachment(
                files.open(evidence.sha256()),
                evidence.mediaType(),
                evidence.size(),
                evidence.fileName(),
                evidence.sha256());
    }

    /**
     * Decides an application, with the reason: VOID_AND_RESIT voids the attempt and lets the candidate re-sit at once
     * (once); NOTE_ON_RECORD leaves the result standing with the consideration on the record; REJECTED. An
     * application is decided once: a second decision answers 409.
     */
    @PostMapping("/api/special-considerations/{considerationId}/decision")
    @Allow(IMI_ADMIN)
    public Decided decide(@PathVariable String considerationId, @Valid @RequestBody Decision request) {
        commands.sendAndWait(new DecideSpecialConsideration(
                considerationId,
                request.decision(),
                request.reason(),
                access.current().userId()));
        return new Decided(considerationId, ConsiderationView.DECIDED, request.decision());
    }

    /** A page of the centre's applications, newest first. */
    @GetMapping("/api/centres/{centreId}/special-considerations")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR})
    public Page<ConsiderationView> centreConsiderations(
            @PathVariable String centreId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        checkStatus(status);
        Paging paging = Paging.of(page, size);
        return queries.page(
                new ListConsiderations(centreId, null, status, paging.page(), paging.size()), ConsiderationView.class);
    }

    /** A page of the candidate's applications, newest first. */
    @GetMapping("/api/candidates/{candidateId}/special-considerations")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID)
    public Page<ConsiderationView> candidateConsiderations(
            @PathVariable String candidateId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.page(
                new ListConsiderations(null, candidateId, null, paging.page(), paging.size()), ConsiderationView.class);
    }

    private ConsiderationView find(String considerationId) {
        return queries.one(new FindConsideration(considerationId), ConsiderationView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such application for special consideration"));
    }

    private static void checkStatus(String status) {
        if (status != null && !status.equals(ConsiderationView.PENDING) && !status.equals(ConsiderationView.DECIDED)) {
            throw ApiProblem.badRequest("status", "must be PENDING or DECIDED");
        }
    }
}
