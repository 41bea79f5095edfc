package org.awardinghub.api.arrangement;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.files.StoredFiles;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.arrangement.ApproveAccessArrangement;
import org.awardinghub.command.arrangement.RejectAccessArrangement;
import org.awardinghub.command.arrangement.RequestAccessArrangement;
import org.awardinghub.command.arrangement.WithdrawAccessArrangement;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.query.arrangement.ArrangementView;
import org.awardinghub.query.arrangement.FindArrangement;
import org.awardinghub.query.arrangement.ListArrangementQueue;
import org.awardinghub.query.arrangement.ListCandidateArrangements;
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
 * Access arrangements (ADR 0153): a centre admin or coordinator requests one for a candidate of their centre, with
 * a reason and optionally an evidence file; kinds the policy allows are approved at once, the others wait in IMI's
 * queue until an IMI administrator approves or rejects them with a reason. Approved arrangements apply to the
 * attempts the candidate starts afterwards.
 * <p>
 * A request is one {@code multipart/form-data} form, with or without its file, so that a browser form sends it as it
 * is and a client has one way to call it. The evidence's bytes are kept in the file store (by their SHA-256, type
 * told by their content) before the command is sent, as ePortfolio evidence is.
 */
@RestController
class ArrangementController {

    public record Requested(String arrangementId, String candidateId, ArrangementStatus status) {}

    public record Decided(String arrangementId, ArrangementStatus status) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final StoredFiles files;

    ArrangementController(Access access, CommandGateway commands, Queries queries, StoredFiles files) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
    }

    /**
     * Requests an access arrangement for a candidate, with the reason and an optional evidence file. Answers its
     * status: APPROVED when the policy approves the kind at once, PENDING while it waits for IMI.
     */
    @PostMapping(
            value = "/api/candidates/{candidateId}/access-arrangements",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Requested> request(
            @PathVariable String candidateId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer extraTimePercent,
            @RequestParam(required = false) String textSize,
            @RequestParam(required = false) String colourScheme,
            @RequestParam(required = false) String reason,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        ArrangementKind arrangementKind = named(ArrangementKind.class, "kind", kind);
        if (arrangementKind == null) {
            throw ApiProblem.badRequest("kind", "is required: one of " + names(ArrangementKind.class));
        }
        TextSize size = named(TextSize.class, "textSize", textSize);
        ColourScheme scheme = named(ColourScheme.class, "colourScheme", colourScheme);
        ArrangementEvidence evidence = files.storeIfSent(file, "evidence")
                .map(stored -> new ArrangementEvidence(
                        stored.fileName(), stored.type().mediaType(), stored.size(), stored.sha256()))
                .orElse(null);
        String arrangementId = UUID.randomUUID().toString();
        ArrangementStatus status = commands.sendAndWait(new RequestAccessArrangement(
                arrangementId,
                candidateId,
                arrangementKind,
                extraTimePercent,
                size,
                scheme,
                reason,
                evidence,
                access.current().userId()));
        return ResponseEntity.created(
                        URI.create("/api/candidates/" + candidateId + "/access-arrangements/" + arrangementId))
                .body(new Requested(arrangementId, candidateId, status));
    }

    /** Approves a pending access arrangement, with the reason. It applies to the attempts the candidate starts next. */
    @PostMapping("/api/candidates/{candidateId}/access-arrangements/{arrangementId}/approve")
    @Allow(IMI_ADMIN)
    public Decided approve(
            @PathVariable String candidateId, @PathVariable String arrangementId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new ApproveAccessArrangement(
                arrangementId, candidateId, request.reason(), access.current().userId()));
        return new Decided(arrangementId, ArrangementStatus.APPROVED);
    }

    /** Rejects a pending access arrangement, with the reason the centre is shown. */
    @PostMapping("/api/candidates/{candidateId}/access-arrangements/{arrangementId}/reject")
    @Allow(IMI_ADMIN)
    public Decided reject(
            @PathVariable String candidateId, @PathVariable String arrangementId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new RejectAccessArrangement(
                arrangementId, candidateId, request.reason(), access.current().userId()));
        return new Decided(arrangementId, ArrangementStatus.REJECTED);
    }

    /**
     * Withdraws a pending or approved access arrangement, with the reason. The candidate's centre withdraws one whose
     * need has passed or that was asked for in error, IMI one found not justified; it applies to no test started from
     * then on.
     */
    @PostMapping("/api/candidates/{candidateId}/access-arrangements/{arrangementId}/withdraw")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    public Decided withdraw(
            @PathVariable String candidateId, @PathVariable String arrangementId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new WithdrawAccessArrangement(
                arrangementId, candidateId, request.reason(), access.current().userId()));
        return new Decided(arrangementId, ArrangementStatus.WITHDRAWN);
    }

    /** A candidate's access arrangements, newest request first, each with its status and decision. */
    @GetMapping("/api/candidates/{candidateId}/access-arrangements")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<List<ArrangementView>> list(
            @PathVariable String candidateId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(
                        new ListCandidateArrangements(candidateId, paging.page(), paging.size(), false),
                        ArrangementView.class),
                () -> queries.page(ListCandidateArrangements.all(candidateId), ArrangementView.class)
                        .items(),
                Function.identity());
    }

    /** IMI's queue: every centre's access arrangements awaiting a decision, oldest request first. */
    @GetMapping("/api/access-arrangements/queue")
    @Allow({IMI_ADMIN, AUDITOR})
    public ResponseEntity<List<ArrangementView>> queue(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(
                        new ListArrangementQueue(paging.page(), paging.size(), false), ArrangementView.class),
                () -> queries.page(new ListArrangementQueue(0, 0, true), ArrangementView.class)
                        .items(),
                Function.identity());
    }

    /**
     * Downloads the evidence attached to an access arrangement. The bytes as uploaded, with the SHA-256 recorded in
     * the request's event.
     */
    @GetMapping("/api/candidates/{candidateId}/access-arrangements/{arrangementId}/evidence")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<InputStreamResource> evidence(
            @PathVariable String candidateId, @PathVariable String arrangementId) {
        ArrangementView.Evidence evidence = queries.one(new FindArrangement(arrangementId), ArrangementView.class)
                .filter(arrangement -> arrangement.candidateId().equals(candidateId))
                .orElseThrow(() -> ApiProblem.notFound("No such access arrangement"))
                .evidence();
        if (evidence == null) {
            throw ApiProblem.notFound("No evidence was attached to this access arrangement");
        }
        return StoredFiles.attachment(
                files.open(evidence.sha256()),
                evidence.mediaType(),
                evidence.size(),
                evidence.fileName(),
                evidence.sha256());
    }

    /** The constant named, in any case; null when blank; 400 naming the field when there is no such constant. */
    private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, "must be one of " + names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
