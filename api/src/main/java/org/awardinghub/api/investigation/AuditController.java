package org.awardinghub.api.investigation;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.api.user.PeopleNames;
import org.awardinghub.command.investigation.FreezeCase;
import org.awardinghub.command.investigation.InvestigationCase;
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.query.Page;
import org.awardinghub.query.audit.AuditEvent;
import org.awardinghub.query.audit.AuditLog;
import org.awardinghub.query.audit.BlastRadius;
import org.awardinghub.query.audit.CaseBundle;
import org.awardinghub.query.audit.CaseSummary;
import org.awardinghub.query.audit.ChainHead;
import org.awardinghub.query.audit.ChainVerifier;
import org.awardinghub.query.audit.FindBlastRadius;
import org.awardinghub.query.audit.FindCaseBundle;
import org.awardinghub.query.audit.FindRecordEvents;
import org.awardinghub.query.audit.LinkKind;
import org.awardinghub.query.audit.ListCases;
import org.awardinghub.query.audit.ListTimeline;
import org.awardinghub.query.audit.PageRecordEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The investigators' API, for AUDITOR and IMI_ADMIN only: any record's events and its state at any instant, the
 * timeline across records, the blast radius of a person, assessment, item or centre, the verification of the hash
 * chain and its seal, and frozen case bundles. A centre's users never reach it.
 */
@RestController
class AuditController {

    public record RecordRef(
            @NotBlank @Size(max = 20) @SingleLine String type,
            @NotBlank @Size(max = 100) @SingleLine String id) {}

    public record NewCase(
            @NotBlank @Size(max = 200) @SingleLine String title,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull RecordRef> records,
            @PositiveOrZero Long upToPosition) {}

    public record Frozen(String caseId, long upToPosition) {}

    /**
     * A frozen case in the list of cases: what it investigates ({@code title}), when and by whom it was frozen (with
     * their name), the position its records are frozen at and those records.
     */
    public record FrozenCase(
            String caseId,
            String title,
            Instant frozenAt,
            String frozenByPin,
            String frozenByName,
            long upToPosition,
            List<CaseBundle.Record> records) {}

    /** The chain's head, dated: kept elsewhere, it proves later that history up to it was not rewritten. */
    public record Seal(
            long position, long eventCount, String hash, Instant lastEventAt, Instant sealedAt, String algorithm) {}

    public record SealCheck(
            @NotNull @PositiveOrZero Long position,
            @NotBlank @Size(max = 64) String hash) {}

    /**
     * {@code matchesBeforeSealing}: the seal was taken before the events an earlier release stored in clear were
     * sealed, and matches the hash kept from then (ADR 0164); {@code matches} says so too.
     */
    public record SealChecked(
            long position, boolean matches, String chainHashAtPosition, boolean matchesBeforeSealing) {}

    static final String ALGORITHM = "SHA-256 over the previous hash and each event's canonical JSON, in the order"
            + " the audit log received the events";

    private final Queries queries;
    private final CommandGateway commands;
    private final StateReconstruction states;
    private final ChainVerifier verifier;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PeopleNames names;

    public AuditController(
            Queries queries,
            CommandGateway commands,
            StateReconstruction states,
            ChainVerifier verifier,
            AuditLog auditLog,
            Clock clock,
            PeopleNames names) {
        this.names = names;
        this.queries = queries;
        this.commands = commands;
        this.states = states;
        this.verifier = verifier;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every event recorded about one record, in order, with who caused it. */
    @GetMapping("/api/audit/records/{type}/{id}/events")
    @Allow({AUDITOR, IMI_ADMIN})
    public ResponseEntity<List<AuditEvent>> events(
            @PathVariable String type,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String recordType = recordType(type);
        Supplier<ApiProblem> unknown = () -> ApiProblem.notFound("No " + type + " " + id + " in the audit log");
        return PagedArray.answer(
                page,
                size,
                paging -> {
                    Page<AuditEvent> events = queries.page(
                            new PageRecordEvents(recordType, id, paging.page(), paging.size()), AuditEvent.class);
                    if (events.total() == 0) {
                        throw unknown.get();
                    }
                    return events;
                },
                () -> {
                    List<AuditEvent> events = queries.many(new FindRecordEvents(recordType, id), AuditEvent.class);
                    if (events.isEmpty()) {
                        throw unknown.get();
                    }
                    return events;
                },
                Function.identity());
    }

    /** A record's state at a moment ({@code asOf}, default now), rebuilt from its events. */
    @GetMapping("/api/audit/records/{type}/{id}/state")
    @Allow({AUDITOR, IMI_ADMIN})
    public StateReconstruction.State state(
            @PathVariable String type, @PathVariable String id, @RequestParam(required = false) String asOf) {
        Instant instant = asOf == null || asOf.isBlank() ? clock.instant() : instant("asOf", asOf);
        return states.stateOf(recordType(type), id, instant)
                .orElseThrow(() -> ApiProblem.notFound("No " + type + " " + id + " existed at " + instant));
    }

    /** A page of the audit log across records, filtered by actor, centre and period. */
    @GetMapping("/api/audit/timeline")
    @Allow({AUDITOR, IMI_ADMIN})
    public Page<AuditEvent> timeline(
            @RequestParam(required = false) String actorPin,
            @RequestParam(required = false) String centreId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.page(
                new ListTimeline(
                        blankToNull(actorPin),
                        blankToNull(centreId),
                        optionalInstant("from", from),
                        optionalInstant("to", to),
                        paging.page(),
                        paging.size()),
                AuditEvent.class);
    }

    /** What one invigilator, assessor, assessment, item or centre touched in a period. */
    @GetMapping("/api/audit/blast-radius")
    @Allow({AUDITOR, IMI_ADMIN})
    public BlastRadius blastRadius(
            @RequestParam(required = false) LinkKind kind,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (kind == null) {
            throw ApiProblem.badRequest("kind", "kind is required: INVIGILATOR, ASSESSOR, ASSESSMENT, ITEM or CENTRE");
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw ApiProblem.badRequest("key", "key is required: the PIN, assessment code, item id or centre id");
        }
        return queries.one(
                        new FindBlastRadius(
                                kind, key.strip(), optionalInstant("from", from), optionalInstant("to", to)),
                        BlastRadius.class)
                .orElseThrow();
    }

    /** Checks the audit log's hash chain from the start and reports any break. */
    @GetMapping("/api/audit/verify")
    @Allow({AUDITOR, IMI_ADMIN})
    public ChainVerifier.Report verify() {
        return verifier.verify();
    }

    /** The audit log's current seal: the chain's head position and hash, to keep elsewhere. */
    @GetMapping("/api/audit/seal")
    @Allow({AUDITOR, IMI_ADMIN})
    public Seal seal() {
        ChainHead head = auditLog.head().orElseThrow(() -> ApiProblem.conflict("Nothing has been recorded yet"));
        return new Seal(head.position(), head.eventCount(), head.hash(), head.at(), clock.instant(), ALGORITHM);
    }

    /** Checks a seal kept elsewhere against the chain as it is now. */
    @PostMapping("/api/audit/seal/check")
    @Allow({AUDITOR, IMI_ADMIN})
    public SealChecked checkSeal(@Valid @RequestBody SealCheck seal) {
        String now = auditLog.hashAt(seal.position())
                .map(AuditLog.StoredHash::chainHash)
                .orElseThrow(() -> ApiProblem.notFound("The chain has no event at position " + seal.position()));
        String given = seal.hash().strip();
        boolean beforeSealing = !now.equalsIgnoreCase(given)
                && auditLog.hashBeforeSealing(seal.position())
                        .map(given::equalsIgnoreCase)
                        .orElse(false);
        return new SealChecked(seal.position(), now.equalsIgnoreCase(given) || beforeSealing, now, beforeSealing);
    }

    /** Freezes an investigation case: the records named, up to a position of the log. */
    @PostMapping("/api/audit/cases")
    @Allow({AUDITOR, IMI_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Frozen> freeze(@Valid @RequestBody NewCase request) {
        long position = request.upToPosition() != null
                ? request.upToPosition()
                : auditLog.head().map(ChainHead::position).orElse(0L);
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new FreezeCase(
                caseId,
                request.title(),
                request.records().stream()
                        .map(record -> new CaseFrozen.RecordRef(
                                recordType(record.type()), record.id().strip()))
                        .toList(),
                position));
        return ResponseEntity.created(URI.create("/api/audit/cases/" + caseId + "/bundle"))
                .body(new Frozen(caseId, position));
    }

    /** The cases frozen so far, the latest first. */
    @GetMapping("/api/audit/cases")
    @Allow({AUDITOR, IMI_ADMIN})
    public Page<FrozenCase> cases(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Page<CaseSummary> cases = queries.page(new ListCases(paging.page(), paging.size()), CaseSummary.class);
        PeopleNames.Names frozenBy = names.ofPins(
                cases.items().stream().map(CaseSummary::frozenByPin).toList());
        return new Page<>(
                cases.items().stream()
                        .map(frozen -> new FrozenCase(
                                frozen.caseId(),
                                frozen.title(),
                                frozen.frozenAt(),
                                frozen.frozenByPin(),
                                frozenBy.ofPin(frozen.frozenByPin()),
                                frozen.upToPosition(),
                                frozen.records()))
                        .toList(),
                cases.page(),
                cases.size(),
                cases.total());
    }

    /** A frozen case's bundle of records and events, for an investigation. */
    @GetMapping("/api/audit/cases/{caseId}/bundle")
    @Allow({AUDITOR, IMI_ADMIN})
    public CaseBundle bundle(@PathVariable String caseId) {
        return queries.one(new FindCaseBundle(caseId), CaseBundle.class)
                .orElseThrow(() -> ApiProblem.notFound("No such case (a case just frozen takes a moment)"));
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static String recordType(String type) {
        String normalised = type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT);
        if (!InvestigationCase.RECORD_TYPES.contains(normalised)) {
            throw ApiProblem.badRequest("type", "type must be one of " + InvestigationCase.RECORD_TYPE_NAMES);
        }
        return normalised;
    }

    static Instant optionalInstant(String field, String text) {
        return text == null || text.isBlank() ? null : instant(field, text);
    }

    /**
     * An instant of the years 1 to 9999: ISO-8601 allows years of nine digits, which no database timestamp holds
     * (and whose milliseconds overflow a long).
     */
    private static Instant instant(String field, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be an ISO-8601 instant, e.g. 2026-11-26T09:30:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiProblem.badRequest(field, field + " must lie between the years 1 and 9999");
        }
        return instant;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
