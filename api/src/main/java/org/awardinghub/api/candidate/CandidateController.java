package org.awardinghub.api.candidate;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.api.DateRange;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.api.user.PeopleNames;
import org.awardinghub.api.version.ETags;
import org.awardinghub.api.version.IfMatch;
import org.awardinghub.command.candidate.AmendCandidate;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateField;
import org.awardinghub.command.candidate.RegisterCandidate;
import org.awardinghub.command.candidate.Registration;
import org.awardinghub.command.candidate.ReinstateCandidate;
import org.awardinghub.command.candidate.TransferCandidate;
import org.awardinghub.command.candidate.WithdrawCandidate;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.Page;
import org.awardinghub.query.assessment.AttemptSummary;
import org.awardinghub.query.assessment.ListCandidateAttempts;
import org.awardinghub.query.candidate.CandidateHistoryEntry;
import org.awardinghub.query.candidate.CandidateSummary;
import org.awardinghub.query.candidate.CandidateView;
import org.awardinghub.query.candidate.FindCandidate;
import org.awardinghub.query.candidate.FindCandidateHistory;
import org.awardinghub.query.candidate.PageCandidateHistory;
import org.awardinghub.query.candidate.SearchCandidates;
import org.awardinghub.query.certification.CertificateView;
import org.awardinghub.query.certification.ListCandidateCertificates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration portal: centres register, find, amend, transfer, withdraw and reinstate candidates; every
 * change is kept in the candidate's history. Invigilators, assessors and IQAs read; auditors read everything.
 */
@RestController
class CandidateController {

    public record NewCandidate(
            @NotBlank @Size(max = 100) @SingleLine String firstName,
            @NotBlank @Size(max = 100) @SingleLine String lastName,
            @NotNull LocalDate dateOfBirth,
            @Size(max = 20) @SingleLine String uln,
            @NotBlank @Size(max = 32) @SingleLine String qualificationCode,
            LocalDate startDate,
            Boolean confirmDuplicate) {}

    public record Registered(String candidateId, String registrationNumber, boolean late) {}

    public record Amendment(
            @NotNull CandidateField field,
            @Size(max = 100) @SingleLine String value,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    /** {@code version}: the candidate's version after the amendment, as the answer's ETag says too. */
    public record Amended(String candidateId, CandidateField field, String value, long version) {}

    /** The receiving centre by its id or by its centre number: exactly one of them. */
    public record Transfer(
            @Size(max = 100) @SingleLine String toCentreId,
            @Size(max = 12) @SingleLine String toCentreNumber,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record Transferred(String candidateId, String centreId, long version) {}

    public record StatusChange(String candidateId, CandidateStatus status, long version) {}

    /** A change in the candidate's history, with the name of the person who made it beside their PIN. */
    public record HistoryEntry(
            Instant at,
            String type,
            String actorPin,
            String actorName,
            String reason,
            Map<String, CandidateHistoryEntry.Change> changes) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final BulkRegistration bulk;
    private final Clock clock;
    private final CandidateDirectory candidates;
    private final PeopleNames names;

    public CandidateController(
            Access access,
            CommandGateway commands,
            Queries queries,
            BulkRegistration bulk,
            Clock clock,
            CandidateDirectory candidates,
            PeopleNames names) {
        this.candidates = candidates;
        this.names = names;
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.bulk = bulk;
        this.clock = clock;
    }

    /**
     * Registers a candidate at a centre for a qualification. A possible duplicate answers 409 unless confirmed with
     * {@code confirmDuplicate}.
     */
    @PostMapping("/api/centres/{centreId}/candidates")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Registered> register(
            @PathVariable String centreId, @Valid @RequestBody NewCandidate request) {
        LocalDate today = LocalDate.now(clock);
        Registration registration = commands.sendAndWait(new RegisterCandidate(
                UUID.randomUUID().toString(),
                centreId,
                request.firstName(),
                request.lastName(),
                request.dateOfBirth(),
                request.uln(),
                request.qualificationCode().strip(),
                request.startDate() == null ? today : request.startDate(),
                today,
                Boolean.TRUE.equals(request.confirmDuplicate())));
        return ResponseEntity.created(URI.create("/api/candidates/" + registration.candidateId()))
                .body(new Registered(
                        registration.candidateId(), registration.registrationNumber(), registration.late()));
    }

    /**
     * Registers many candidates at a centre from a CSV file, each line on its own. The content type is checked here,
     * after access, so that a refused caller learns nothing from it either.
     */
    @PostMapping("/api/centres/{centreId}/candidates/bulk")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN})
    public BulkRegistration.Result registerMany(
            @PathVariable String centreId,
            @RequestHeader(value = "Content-Type", required = false) String type,
            @RequestBody byte[] file) {
        if (type == null
                || !(type.toLowerCase(Locale.ROOT).startsWith("text/csv")
                        || type.toLowerCase(Locale.ROOT).startsWith("text/plain"))) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported content type",
                    "Send the file as text/csv (UTF-8)",
                    List.of());
        }
        List<CandidateCsv.Line> lines = CandidateCsv.parse(CandidateCsv.decode(file), BulkRegistration.MAX_LINES);
        return bulk.register(centreId, lines, LocalDate.now(clock));
    }

    /** A page of a centre's candidates, found by name or number, status and qualification. */
    @GetMapping("/api/centres/{centreId}/candidates")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public Page<CandidateSummary> centreCandidates(
            @PathVariable String centreId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CandidateStatus status,
            @RequestParam(required = false) String qualificationCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return search(centreId, q, status, qualificationCode, registeredFrom, registeredTo, page, size);
    }

    /** IMI's search across every centre. */
    @GetMapping("/api/candidates")
    @Allow({IMI_ADMIN, AUDITOR})
    public Page<CandidateSummary> allCandidates(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CandidateStatus status,
            @RequestParam(required = false) String qualificationCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return search(null, q, status, qualificationCode, registeredFrom, registeredTo, page, size);
    }

    /** One candidate's record, with their results and certificate. */
    @GetMapping("/api/candidates/{candidateId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<CandidateView> candidate(@PathVariable String candidateId, IfMatch ifMatch) {
        CandidateView view = queries.one(new FindCandidate(candidateId), CandidateView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such candidate"));
        return ETags.read(candidateId, view.version(), withResults(view), ifMatch);
    }

    /** Everything that happened to a candidate's record, oldest first, with who did it and why. */
    @GetMapping("/api/candidates/{candidateId}/history")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<List<HistoryEntry>> history(
            @PathVariable String candidateId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedArray.answerTogether(
                page,
                size,
                paging -> queries.page(
                        new PageCandidateHistory(candidateId, paging.page(), paging.size()),
                        CandidateHistoryEntry.class),
                () -> queries.many(new FindCandidateHistory(candidateId), CandidateHistoryEntry.class),
                history -> {
                    if (history.isEmpty() && candidates.find(candidateId).isEmpty()) {
                        throw ApiProblem.notFound("No such candidate");
                    }
                    PeopleNames.Names actors = names.ofPins(history.stream()
                            .map(CandidateHistoryEntry::actorPin)
                            .toList());
                    return history.stream()
                            .map(entry -> new HistoryEntry(
                                    entry.at(),
                                    entry.type(),
                                    entry.actorPin(),
                                    actors.ofPin(entry.actorPin()),
                                    entry.reason(),
                                    entry.changes()))
                            .toList();
                });
    }

    /** Amends one field of a candidate's record, with the reason. */
    @PostMapping("/api/candidates/{candidateId}/amendments")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<Amended> amend(
            @PathVariable String candidateId, IfMatch ifMatch, @Valid @RequestBody Amendment request) {
        long version = commands.<Long>sendAndWait(new AmendCandidate(
                candidateId,
                request.field(),
                request.value(),
                request.reason(),
                access.current().isImiStaff(),
                ifMatch.version()));
        return ETags.ok(
                version,
                new Amended(
                        candidateId,
                        request.field(),
                        request.value() == null ? null : request.value().strip(),
                        version));
    }

    /** Transfers a candidate to another centre, with the reason. */
    @PostMapping("/api/candidates/{candidateId}/transfer")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<Transferred> transfer(
            @PathVariable String candidateId, IfMatch ifMatch, @Valid @RequestBody Transfer request) {
        TransferCandidate.Done done = commands.sendAndWait(new TransferCandidate(
                candidateId,
                blankToNull(request.toCentreId()),
                blankToNull(request.toCentreNumber()),
                request.reason(),
                ifMatch.version()));
        return ETags.ok(done.version(), new Transferred(candidateId, done.toCentreId(), done.version()));
    }

    /** Withdraws a candidate, with the reason. */
    @PostMapping("/api/candidates/{candidateId}/withdraw")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<StatusChange> withdraw(
            @PathVariable String candidateId, IfMatch ifMatch, @Valid @RequestBody Reason request) {
        long version = commands.<Long>sendAndWait(new WithdrawCandidate(
                candidateId, request.reason(), access.current().isImiStaff(), ifMatch.version()));
        return ETags.ok(version, new StatusChange(candidateId, CandidateStatus.WITHDRAWN, version));
    }

    /** Reinstates a withdrawn candidate, with the reason. */
    @PostMapping("/api/candidates/{candidateId}/reinstate")
    @Allow(
            value = IMI_ADMIN,
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN},
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<StatusChange> reinstate(
            @PathVariable String candidateId, IfMatch ifMatch, @Valid @RequestBody Reason request) {
        long version =
                commands.<Long>sendAndWait(new ReinstateCandidate(candidateId, request.reason(), ifMatch.version()));
        return ETags.ok(version, new StatusChange(candidateId, CandidateStatus.REGISTERED, version));
    }

    private Page<CandidateSummary> search(
            String centreId,
            String q,
            CandidateStatus status,
            String qualificationCode,
            LocalDate registeredFrom,
            LocalDate registeredTo,
            Integer page,
            Integer size) {
        Paging paging = Paging.of(page, size);
        DateRange registered = DateRange.of("registeredFrom", registeredFrom, "registeredTo", registeredTo);
        if (q != null && q.length() > 200) {
            throw ApiProblem.badRequest("q", "must be at most 200 characters");
        }
        return queries.page(
                new SearchCandidates(
                        centreId,
                        blankToNull(q),
                        status,
                        blankToNull(qualificationCode),
                        registered.from(),
                        registered.to(),
                        paging.page(),
                        paging.size()),
                CandidateSummary.class);
    }

    /**
     * The candidate's results: every marked attempt, oldest first; a voided one stays listed, marked voided, and no
     * longer counts. The certificate: the latest number they were issued (with its status: a replaced or revoked
     * one says so).
     */
    private CandidateView withResults(CandidateView view) {
        List<Object> results =
                queries.many(new ListCandidateAttempts(view.candidateId()), AttemptSummary.class).stream()
                        .filter(attempt -> attempt.outcome() != null)
                        .map(Object.class::cast)
                        .toList();
        List<CertificateView> certificates =
                queries.many(new ListCandidateCertificates(view.candidateId()), CertificateView.class);
        Object certificate = certificates.isEmpty() ? null : certificates.get(certificates.size() - 1);
        return new CandidateView(
                view.candidateId(),
                view.registrationNumber(),
                view.centreId(),
                view.firstName(),
                view.lastName(),
                view.dateOfBirth(),
                view.uln(),
                view.qualificationCode(),
                view.startDate(),
                view.registeredOn(),
                view.late(),
                view.status(),
                view.erased(),
                results,
                certificate,
                view.updatedAt(),
                view.version());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
