package org.awardinghub.api.privacy;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.candidate.ExtendRetention;
import org.awardinghub.command.candidate.LiftLegalHold;
import org.awardinghub.command.candidate.PlaceLegalHold;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.Page;
import org.awardinghub.query.privacy.FindRetention;
import org.awardinghub.query.privacy.ListLegalHolds;
import org.awardinghub.query.privacy.ListRetentionQueue;
import org.awardinghub.query.privacy.RetentionBasis;
import org.awardinghub.query.privacy.RetentionRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention of candidates' records (ADR 0166): the queue of records at the end of their retention period, the legal
 * holds standing, each record's retention, the daily reviews; and IMI's decisions on a record other than erasure:
 * hold it (nothing about the candidate may be erased while a hold stands), lift the hold, keep it until a later day.
 * Each decision is the candidate's event, with who, why and, for an extension, the legal basis. Only IMI
 * administrators decide; auditors read. Erasure is its own endpoint, {@code POST /api/candidates/{id}/erasure}.
 */
@RestController
class RetentionController {

    /**
     * {@code caseId}: the investigation case the hold is for, when there is one; {@code legalBasis}: the ground for
     * keeping the record, for example "UK GDPR Art. 17(3)(e): legal claims".
     */
    public record LegalHoldRequest(
            @Size(max = 100) @SingleLine String caseId,
            @NotBlank @Size(max = 1000) @MultiLine String reason,
            @NotBlank @Size(max = 200) @SingleLine String legalBasis) {}

    /** Keep the record until {@code keepUntil} (a day after today), on {@code legalBasis}, for {@code reason}. */
    public record ExtensionRequest(
            @NotNull LocalDate keepUntil,
            @NotBlank @Size(max = 1000) @MultiLine String reason,
            @NotBlank @Size(max = 200) @SingleLine String legalBasis) {}

    /** What IMI decided about the record. */
    public enum Decision {
        LEGAL_HOLD_PLACED,
        LEGAL_HOLD_LIFTED,
        RETENTION_EXTENDED
    }

    /** {@code keepUntil}: for an extension, the day the record is kept until. */
    public record Decided(String candidateId, Decision decision, LocalDate keepUntil) {}

    /**
     * A candidate's record as retention sees it: the period it is kept for ({@code basis}) counted from
     * {@code countedFrom}, the day of its last activity, named by {@code lastActivity} (the event's type); the day a
     * decision falls due, and whether it is due today ({@code due}: on or after that day, not held, not erased);
     * IMI's extension, the legal hold standing and the erasure, each null when there is none.
     */
    public record Retention(
            String candidateId,
            String centreId,
            String registrationNumber,
            CandidateStatus status,
            RetentionBasis basis,
            LocalDate countedFrom,
            String lastActivity,
            LocalDate dueOn,
            boolean due,
            RetentionRecord.Extension extension,
            RetentionRecord.LegalHold legalHold,
            RetentionRecord.Erasure erasure) {}

    private final CommandGateway commands;
    private final Queries queries;
    private final RetentionReview reviews;
    private final Clock clock;

    RetentionController(CommandGateway commands, Queries queries, RetentionReview reviews, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Places a legal hold on the candidate's record, with the reason and optionally the investigation case: nothing
     * about the candidate may be erased until it is lifted. 409 when a hold stands already or the record was erased.
     */
    @PostMapping("/api/candidates/{candidateId}/legal-hold")
    @Allow(IMI_ADMIN)
    public Decided placeLegalHold(@PathVariable String candidateId, @Valid @RequestBody LegalHoldRequest request) {
        commands.sendAndWait(new PlaceLegalHold(candidateId, request.caseId(), request.reason(), request.legalBasis()));
        return new Decided(candidateId, Decision.LEGAL_HOLD_PLACED, null);
    }

    /** Lifts the legal hold on the candidate's record, with the reason. 409 when no hold stands. */
    @PostMapping("/api/candidates/{candidateId}/legal-hold/lift")
    @Allow(IMI_ADMIN)
    public Decided liftLegalHold(@PathVariable String candidateId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new LiftLegalHold(candidateId, request.reason()));
        return new Decided(candidateId, Decision.LEGAL_HOLD_LIFTED, null);
    }

    /**
     * Keeps the candidate's record beyond its retention period, until {@code keepUntil} (after today), on the legal
     * basis given: a decision about it falls due the day after. 409 when the record was erased.
     */
    @PostMapping("/api/candidates/{candidateId}/retention/extension")
    @Allow(IMI_ADMIN)
    public Decided extendRetention(@PathVariable String candidateId, @Valid @RequestBody ExtensionRequest request) {
        commands.sendAndWait(new ExtendRetention(
                candidateId, request.keepUntil().toString(), request.reason(), request.legalBasis()));
        return new Decided(candidateId, Decision.RETENTION_EXTENDED, request.keepUntil());
    }

    /** The candidate's record as retention sees it. */
    @GetMapping("/api/candidates/{candidateId}/retention")
    @Allow({IMI_ADMIN, AUDITOR})
    public Retention retention(@PathVariable String candidateId) {
        LocalDate today = LocalDate.now(clock);
        return queries.one(new FindRetention(candidateId), RetentionRecord.class)
                .map(record -> shown(record, today))
                .orElseThrow(() -> ApiProblem.notFound("No such candidate"));
    }

    /**
     * The queue: the candidates' records due for a decision today (at the end of their retention period or of an
     * extension, under no legal hold, not erased), the longest due first.
     */
    @GetMapping("/api/retention/queue")
    @Allow({IMI_ADMIN, AUDITOR})
    public ResponseEntity<List<Retention>> queue(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        LocalDate today = LocalDate.now(clock);
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(
                        new ListRetentionQueue(today, paging.page(), paging.size(), false), RetentionRecord.class),
                () -> queries.page(new ListRetentionQueue(today, 0, 0, true), RetentionRecord.class)
                        .items(),
                record -> shown(record, today));
    }

    /** The legal holds standing, the oldest first. */
    @GetMapping("/api/retention/legal-holds")
    @Allow({IMI_ADMIN, AUDITOR})
    public ResponseEntity<List<Retention>> legalHolds(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        LocalDate today = LocalDate.now(clock);
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(new ListLegalHolds(paging.page(), paging.size(), false), RetentionRecord.class),
                () -> queries.page(new ListLegalHolds(0, 0, true), RetentionRecord.class)
                        .items(),
                record -> shown(record, today));
    }

    /**
     * The daily reviews, newest first: how many records were due for a decision each day, how many fell due since
     * the review before, and how many IMI administrators were emailed about them.
     */
    @GetMapping("/api/retention/reviews")
    @Allow({IMI_ADMIN, AUDITOR})
    public ResponseEntity<List<RetentionReview.Review>> reviews(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Page<RetentionReview.Review> found = reviews.reviews(paging.page(), paging.size());
        return PagedArray.page(found.total(), found.items());
    }

    private static Retention shown(RetentionRecord record, LocalDate today) {
        boolean due = record.erasure() == null
                && record.legalHold() == null
                && !record.dueOn().isAfter(today);
        return new Retention(
                record.candidateId(),
                record.centreId(),
                record.registrationNumber(),
                record.status(),
                record.basis(),
                record.countedFrom(),
                record.lastActivity(),
                record.dueOn(),
                due,
                record.extension(),
                record.legalHold(),
                record.erasure());
    }
}
