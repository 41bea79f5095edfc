package org.awardinghub.api.reports;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.reports.FetchRegulatorReturn;
import org.awardinghub.query.reports.FetchReturnChanges;
import org.awardinghub.query.reports.FetchReturnsLedgerRead;
import org.awardinghub.query.reports.RegulatorReturn;
import org.awardinghub.query.reports.ReturnChanges;
import org.awardinghub.query.reports.ReturnFigures;
import org.awardinghub.query.reports.ReturnsLedgerRead;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regulator returns reproduced as of any past instant (ADR 0169): the same return, period, centre and instant give
 * the same bytes every time, JSON or CSV, and the SHA-256 of those bytes in {@code ETag} and {@code Repr-Digest}; two
 * instants compare as the figures that changed and the events that changed them. An instant the ledger has not
 * settled yet (events up to it might still arrive, ADR 0116) is refused, so that no return is ever answered that a
 * later regeneration would contradict. IMI staff see every centre and the national figures; a centre's users their
 * own centre beside the national figures, as in the compliance reports.
 */
@RestController
class RegulatorReturnController {

    private final Access access;
    private final Queries queries;
    private final Clock clock;
    private final EventStore events;
    private final ObjectMapper json;
    private final Duration gapTimeout;

    public RegulatorReturnController(
            Access access,
            Queries queries,
            Clock clock,
            EventStore events,
            ObjectMapper json,
            @Value("${awarding.event-store.gap-timeout:10m}") Duration gapTimeout) {
        this.access = access;
        this.queries = queries;
        this.clock = clock;
        this.events = events;
        this.json = json;
        this.gapTimeout = gapTimeout;
    }

    /** A return as listed: its code, title, the measures of each figure, and the rate's name when it has one. */
    record ReturnKind(String code, String title, List<String> measures, String rate) {}

    /** The returns. Each return's code, title and measures, and up to which instant the ledger has settled. */
    record Returns(List<ReturnKind> returns, Instant settledUpTo) {}

    /** The returns and the latest instant a return can be asked for now. */
    @GetMapping("/api/returns")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public Returns returns() {
        return new Returns(
                Arrays.stream(RegulatorReturn.values())
                        .map(kind -> new ReturnKind(kind.code(), kind.title(), kind.measures(), kind.rate()))
                        .toList(),
                settled());
    }

    /**
     * A return as of an instant. The return's figures for the days {@code from} to {@code to} (both required,
     * inclusive) as the ledger stood at {@code asOf} (default: the latest settled instant, to the second), per centre
     * and nationally; as CSV with {@code Accept: text/csv}. The same parameters give the same bytes; their SHA-256 is
     * in {@code ETag} and {@code Repr-Digest}. An {@code asOf} the ledger has not settled yet answers 409.
     */
    @GetMapping("/api/returns/{code}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The return as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = ReturnFigures.class)))
    public ResponseEntity<?> regulatorReturn(
            @PathVariable String code,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String centreId,
            @RequestHeader(value = "Accept", required = false) String accept) {
        RegulatorReturn kind = kind(code);
        ReportPeriod period = period(from, to);
        String centre = CentreScope.of(access.current(), centreId);
        Instant instant = settledInstant("asOf", asOf);
        ReturnFigures figures = queries.one(
                        new FetchRegulatorReturn(kind, period.from(), period.to(), instant, centre),
                        ReturnFigures.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            ResponseEntity<String> file = Csv.file(fileName(figures), header(figures), rows(figures));
            return digested(file.getHeaders(), file.getBody().getBytes(StandardCharsets.UTF_8));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return digested(headers, json.writeValueAsBytes(figures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A return did not serialise", e);
        }
    }

    /**
     * What changed in a return between two instants. The figures of the return for the days {@code from} to
     * {@code to} whose value at {@code asOf} (default: the latest settled instant) differs from their value at
     * {@code since} (required, before {@code asOf}), each with both values and the events between that changed it:
     * global position, event id, type, time, acting PIN, and the record. At most 1000 events are listed.
     */
    @GetMapping("/api/returns/{code}/changes")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ReturnChanges changes(
            @PathVariable String code,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String centreId) {
        RegulatorReturn kind = kind(code);
        ReportPeriod period = period(from, to);
        String centre = CentreScope.of(access.current(), centreId);
        if (since == null || since.isBlank()) {
            throw ApiProblem.badRequest("since", "since is required: the instant to compare with");
        }
        Instant earlier = instant("since", since);
        // bad input answers 400 before the ledger's state is asked: asOf, when given, is checked against since first
        boolean given = asOf != null && !asOf.isBlank();
        if (given && !earlier.isBefore(instant("asOf", asOf))) {
            throw ApiProblem.badRequest("since", "since must be before asOf");
        }
        Instant instant = settledInstant("asOf", asOf);
        if (!earlier.isBefore(instant)) {
            throw ApiProblem.badRequest("since", "since must be before asOf");
        }
        return queries.one(
                        new FetchReturnChanges(kind, period.from(), period.to(), earlier, instant, centre),
                        ReturnChanges.class)
                .orElseThrow();
    }

    private static RegulatorReturn kind(String code) {
        return RegulatorReturn.ofCode(code).orElseThrow(() -> ApiProblem.notFound("No return " + code));
    }

    private static ReportPeriod period(String from, String to) {
        ReportPeriod period = ReportPeriod.of(from, to);
        if (period.from() == null) {
            throw ApiProblem.badRequest("from", "from is required: the period's first day, e.g. 2026-07-01");
        }
        if (period.to() == null) {
            throw ApiProblem.badRequest("to", "to is required: the period's last day, e.g. 2026-09-30");
        }
        return period;
    }

    /** The instant asked for, or the latest settled one to the second; refused (409) when not settled yet. */
    private Instant settledInstant(String field, String text) {
        Instant settled = settled();
        if (text == null || text.isBlank()) {
            if (settled == null) {
                throw notSettled("The returns ledger has not read the event store yet; try again shortly.");
            }
            return settled.truncatedTo(ChronoUnit.SECONDS);
        }
        Instant asked = instant(field, text);
        if (settled == null || asked.isAfter(settled)) {
            throw notSettled("The returns ledger has settled the history up to "
                    + (settled == null ? "no instant yet" : settled.truncatedTo(ChronoUnit.MILLIS))
                    + "; an event up to " + asked + " might still arrive. Ask for an instant at or before it.");
        }
        return asked;
    }

    private static ApiProblem notSettled(String detail) {
        return ApiProblem.conflict("Return not settled yet", detail);
    }

    /**
     * The latest instant the ledger has settled: every event at or before it has been counted. Caught up with the
     * event store's head, that is now less the gap window (an event may commit that long after its time, ADR 0116);
     * still reading, the latest time it has read less the window. Null before it has read anything of a store that
     * has events.
     */
    private Instant settled() {
        Long head = events.createHeadToken() == null
                ? null
                : events.createHeadToken().position().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null);
        if (head == null) {
            return clock.instant().minus(gapTimeout);
        }
        ReturnsLedgerRead read = queries.one(new FetchReturnsLedgerRead(), ReturnsLedgerRead.class)
                .orElseThrow();
        if (read.globalPosition() == null) {
            return null;
        }
        Instant upTo = read.globalPosition() >= head ? clock.instant() : read.latest();
        return upTo.minus(gapTimeout);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be an instant in UTC, e.g. 2026-10-01T00:00:00Z");
        }
    }

    /** The body as given, with its SHA-256 as the entity tag (hex) and as RFC 9530's {@code Repr-Digest}. */
    private static ResponseEntity<byte[]> digested(HttpHeaders headers, byte[] body) {
        byte[] sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        return ResponseEntity.ok()
                .headers(headers)
                .eTag("\"" + HexFormat.of().formatHex(sha256) + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":")
                .body(body);
    }

    private static String fileName(ReturnFigures figures) {
        return figures.code() + "-" + figures.from() + "-to-" + figures.to() + "-as-of-"
                + figures.asOf().toString().replace(":", "");
    }

    /** The CSV's columns: which rows, the figure's key, the measures in the return's order, and the rate if any. */
    private static List<String> header(ReturnFigures figures) {
        List<String> header = new ArrayList<>(List.of("scope", "centreId", "qualificationCode", "assessmentCode"));
        header.addAll(figures.measures());
        if (figures.rate() != null) {
            header.add(figures.rate());
        }
        return header;
    }

    /** The centres' rows, then the national ones; counts as integers, the rate to one decimal. */
    private static List<List<String>> rows(ReturnFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        figures.centres().forEach(row -> rows.add(row("centre", row, figures.rate() != null)));
        figures.national().forEach(row -> rows.add(row("national", row, figures.rate() != null)));
        return rows;
    }

    private static List<String> row(String scope, ReturnFigures.Row row, boolean rated) {
        List<String> cells = new ArrayList<>(List.of(
                scope, row.centreId() == null ? "" : row.centreId(), row.qualificationCode(), row.assessmentCode()));
        row.values().forEach(value -> cells.add(Long.toString(value)));
        if (rated) {
            cells.add(Csv.decimal(row.rate(), 1));
        }
        return cells;
    }
}
