package org.awardinghub.api.invigilation;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;
import static org.awardinghub.events.user.Role.INVIGILATOR;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.axon.ForegroundWork;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptClock;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.assessment.PauseAttempt;
import org.awardinghub.command.assessment.ResumeAttempt;
import org.awardinghub.command.invigilation.RecordIncident;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.query.Page;
import org.awardinghub.query.assessment.AttemptView;
import org.awardinghub.query.assessment.ListRunningAttempts;
import org.awardinghub.query.invigilation.FindIncident;
import org.awardinghub.query.invigilation.IncidentView;
import org.awardinghub.query.invigilation.ListAttemptIncidents;
import org.awardinghub.query.invigilation.ListCentreIncidents;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
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
 * Invigilation (ADR 0154). The invigilator of the candidate's centre pauses and resumes a running attempt, or every
 * running attempt of the room at once (an emergency: a fire alarm empties the building), and records incidents
 * against one attempt or a sitting. IMI staff, auditors and the centre's own users read the room and the incidents.
 */
@RestController
class InvigilationController {

    /** How many attempts one room call may name: a hall of a few hundred candidates. */
    static final int ROOM_MAX = 300;

    public record PauseRequest(
            @NotNull PauseKind kind,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    /**
     * The room's attempts to pause: {@code attemptIds} as the room page lists them, or, when absent, every attempt
     * of the centre now running and not paused.
     */
    public record RoomPauseRequest(
            @NotNull PauseKind kind,
            @NotBlank @Size(max = 1000) @MultiLine String reason,
            @Size(max = ROOM_MAX) List<@NotBlank @Size(max = 100) @SingleLine String> attemptIds) {}

    /** The room's attempts to resume: {@code attemptIds}, or when absent every attempt of the centre paused now. */
    public record RoomResumeRequest(
            @Size(max = ROOM_MAX) List<@NotBlank @Size(max = 100) @SingleLine String> attemptIds) {}

    /** One attempt the room call did not change, with the status one call on it alone would have answered. */
    public record Refusal(String attemptId, int status, String detail) {}

    /** What a room call did: the attempts it changed, with their clocks, and those it did not, with why. */
    public record RoomChange(List<AttemptClock> changed, List<Refusal> refused) {}

    public record IncidentRequest(
            @NotEmpty @Size(max = ROOM_MAX) List<@NotBlank @Size(max = 100) @SingleLine String> attemptIds,
            @NotNull IncidentKind kind,
            @NotBlank @Size(max = 5000) @MultiLine String description,
            @NotNull Instant occurredAt) {}

    public record RecordedIncident(String incidentId) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final AttemptDirectory attempts;
    private final ForegroundWork foreground;

    InvigilationController(
            Access access,
            CommandGateway commands,
            Queries queries,
            AttemptDirectory attempts,
            ForegroundWork foreground) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.attempts = attempts;
        this.foreground = foreground;
    }

    /**
     * Pauses a running attempt, with the kind of pause and why. The clock stands still: the candidate's answers and
     * submission are refused until it resumes. Pausing a paused attempt answers 409.
     */
    @PostMapping("/api/assessment-attempts/{attemptId}/pause")
    @Allow(ofCentre = INVIGILATOR, centreOf = Access.ATTEMPT_ID)
    public AttemptClock pause(@PathVariable String attemptId, @Valid @RequestBody PauseRequest request) {
        return commands.sendAndWait(new PauseAttempt(
                attemptId, request.kind(), request.reason(), access.current().userId()));
    }

    /**
     * Resumes a paused attempt. Its end moves by the time it stood paused; resuming a running attempt answers 409.
     */
    @PostMapping("/api/assessment-attempts/{attemptId}/resume")
    @Allow(ofCentre = INVIGILATOR, centreOf = Access.ATTEMPT_ID)
    public AttemptClock resume(@PathVariable String attemptId) {
        return commands.sendAndWait(
                new ResumeAttempt(attemptId, access.current().userId()));
    }

    /**
     * Pauses the room. Every running attempt of the centre, or those named, one by one; the answer says which were
     * paused and which were not, and why (already paused, no longer running, no such attempt at this centre).
     */
    @PostMapping("/api/centres/{centreId}/assessment-attempts/pause")
    @Allow(ofCentre = INVIGILATOR)
    public RoomChange pauseRoom(@PathVariable String centreId, @Valid @RequestBody RoomPauseRequest request) {
        String invigilator = access.current().userId();
        return foreground.run(() -> eachOf(
                centreId,
                request.attemptIds(),
                false,
                attemptId -> new PauseAttempt(attemptId, request.kind(), request.reason(), invigilator)));
    }

    /**
     * Resumes the room. Every attempt of the centre now paused, or those named, one by one; the answer says which were
     * resumed, with their moved ends, and which were not, and why.
     */
    @PostMapping("/api/centres/{centreId}/assessment-attempts/resume")
    @Allow(ofCentre = INVIGILATOR)
    public RoomChange resumeRoom(
            @PathVariable String centreId, @Valid @RequestBody(required = false) RoomResumeRequest request) {
        String invigilator = access.current().userId();
        List<String> named = request == null ? null : request.attemptIds();
        return foreground.run(
                () -> eachOf(centreId, named, true, attemptId -> new ResumeAttempt(attemptId, invigilator)));
    }

    /** The attempts running at the centre now, paused or not, oldest started first: the invigilator's room. */
    @GetMapping("/api/centres/{centreId}/assessment-attempts/running")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public List<AttemptView> running(@PathVariable String centreId) {
        return queries.many(new ListRunningAttempts(centreId), AttemptView.class).stream()
                .map(AttemptView::withoutMarks)
                .toList();
    }

    /**
     * Records an incident in the room. Against one attempt of the centre or several (a sitting): what happened, when.
     * The centre is the invigilator's; an attempt of another centre is as unknown as a made-up id.
     */
    @PostMapping("/api/centres/{centreId}/incidents")
    @Allow(ofCentre = INVIGILATOR)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RecordedIncident> recordIncident(
            @PathVariable String centreId, @Valid @RequestBody IncidentRequest request) {
        String incidentId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordIncident(
                incidentId,
                request.attemptIds(),
                request.kind(),
                request.description(),
                request.occurredAt(),
                access.current().userId()));
        return ResponseEntity.created(URI.create("/api/centres/" + centreId + "/incidents/" + incidentId))
                .body(new RecordedIncident(incidentId));
    }

    /** One incident of the centre. */
    @GetMapping("/api/centres/{centreId}/incidents/{incidentId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public IncidentView incident(@PathVariable String centreId, @PathVariable String incidentId) {
        // the path's centre is what access was checked on: another centre's incident is as unknown as none
        return queries.one(new FindIncident(incidentId), IncidentView.class)
                .filter(incident -> incident.centreId().equals(centreId))
                .orElseThrow(() -> ApiProblem.notFound("No such incident"));
    }

    /** The incidents recorded against an attempt, latest first. */
    @GetMapping("/api/assessment-attempts/{attemptId}/incidents")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.ATTEMPT_ID)
    public List<IncidentView> attemptIncidents(@PathVariable String attemptId) {
        return queries.many(new ListAttemptIncidents(attemptId), IncidentView.class);
    }

    /** A page of the centre's incidents, latest occurred first. */
    @GetMapping("/api/centres/{centreId}/incidents")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public Page<IncidentView> centreIncidents(
            @PathVariable String centreId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.page(new ListCentreIncidents(centreId, paging.page(), paging.size()), IncidentView.class);
    }

    /**
     * One command per attempt, each its own aggregate and transaction: one refused leaves the others done. Without
     * names, the room is the centre's running attempts that are paused ({@code paused}) or not, as the command side
     * knows them; named attempts are checked against the centre first (command side), so that another centre's
     * attempt is reported as unknown, never touched.
     */
    private RoomChange eachOf(String centreId, List<String> named, boolean paused, Function<String, Object> command) {
        List<String> room = named != null
                ? named.stream().distinct().toList()
                : attempts.runningAt(centreId, paused).stream()
                        .map(AttemptEntry::attemptId)
                        .toList();
        List<AttemptClock> changed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (String attemptId : room) {
            boolean ofCentre = attempts.find(attemptId)
                    .map(AttemptEntry::centreId)
                    .filter(centreId::equals)
                    .isPresent();
            if (!ofCentre) {
                refused.add(new Refusal(attemptId, 404, "No such attempt at this centre"));
                continue;
            }
            try {
                changed.add(commands.sendAndWait(command.apply(attemptId)));
            } catch (RuntimeException e) {
                refused.add(refusal(attemptId, e));
            }
        }
        return new RoomChange(changed, refused);
    }

    /** The refusal one call on the attempt alone would have answered; anything unforeseen is not swallowed. */
    private static Refusal refusal(String attemptId, RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuleViolation) {
            return new Refusal(attemptId, 409, cause.getMessage());
        }
        if (cause instanceof ConcurrencyException) {
            return new Refusal(attemptId, 409, "Changed by someone else at the same moment; look again and retry");
        }
        if (cause instanceof InvalidCommand) {
            return new Refusal(attemptId, 400, cause.getMessage());
        }
        if (cause instanceof UnknownRecord || cause instanceof AggregateNotFoundException) {
            return new Refusal(attemptId, 404, "No such attempt at this centre");
        }
        throw e;
    }
}
