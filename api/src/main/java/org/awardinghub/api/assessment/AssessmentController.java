package org.awardinghub.api.assessment;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;
import static org.awardinghub.events.user.Role.INVIGILATOR;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awardinghub.api.DateRange;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.assessment.AttemptStart.Started;
import org.awardinghub.api.metadata.RequestCorrelation;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.security.CurrentActor;
import org.awardinghub.api.security.Public;
import org.awardinghub.command.assessment.AnswerQuestion;
import org.awardinghub.command.assessment.AttemptResult;
import org.awardinghub.command.assessment.OpenAttempt;
import org.awardinghub.command.assessment.OpenedAttempt;
import org.awardinghub.command.assessment.SubmitAttempt;
import org.awardinghub.command.assessment.VoidAttempt;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.query.Page;
import org.awardinghub.query.assessment.Adjustments;
import org.awardinghub.query.assessment.AnswerTrail;
import org.awardinghub.query.assessment.AttemptSummary;
import org.awardinghub.query.assessment.AttemptView;
import org.awardinghub.query.assessment.FindAnswerTrail;
import org.awardinghub.query.assessment.FindAttempt;
import org.awardinghub.query.assessment.FindSitting;
import org.awardinghub.query.assessment.ListCandidateAttempts;
import org.awardinghub.query.assessment.ListCentreAttempts;
import org.awardinghub.query.assessment.PageCandidateAttempts;
import org.awardinghub.query.assessment.SittingView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online assessments. An invigilator opens an attempt and reads the access key to the candidate; the candidate,
 * without a PIN, starts it with their registration number and the key and receives an attempt token that opens
 * only that attempt's questions, answers and submission. Centre users and IMI staff read attempts and results;
 * IMI staff and auditors read the full answer trail; IMI voids. Nothing a candidate receives tells which option
 * is right. Answers that carry a key or a token are never cached.
 */
@RestController
class AssessmentController {

    public record OpenRequest(@NotBlank @Size(max = 32) String assessmentCode) {}

    public record StartRequest(
            @NotBlank @Size(max = 20) String registrationNumber,
            @NotBlank @Size(max = 40) String accessKey) {}

    public record AnswerRequest(@NotBlank @Size(max = 4) String optionId) {}

    /**
     * The sitting as the candidate sees it; {@code adjustments} are their access arrangements applied to the attempt
     * (the extra time already in {@code endsAt}; null for a candidate without any, ADR 0153).
     */
    public record Sitting(
            String attemptId,
            String assessmentCode,
            AttemptStatus status,
            Instant startedAt,
            Instant endsAt,
            long secondsLeft,
            Instant submittedAt,
            List<SittingView.Question> questions,
            SittingView.Result result,
            Adjustments adjustments,
            boolean paused,
            Instant pausedAt) {}

    public record Voided(String attemptId, AttemptStatus status) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final AttemptStart starts;
    private final CandidateDirectory candidates;
    private final Clock clock;

    public AssessmentController(
            Access access,
            CommandGateway commands,
            Queries queries,
            AttemptStart starts,
            CandidateDirectory candidates,
            Clock clock) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.starts = starts;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * Opens an attempt at an assessment for a candidate and answers its one-time access key. The invigilator reads the
     * key out to the candidate, who starts with it.
     */
    @PostMapping("/api/candidates/{candidateId}/assessment-attempts")
    @Allow(ofCentre = INVIGILATOR, centreOf = Access.CANDIDATE_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<OpenedAttempt> open(
            @PathVariable String candidateId, @Valid @RequestBody OpenRequest request) {
        String attemptId = UUID.randomUUID().toString();
        OpenedAttempt opened = commands.sendAndWait(new OpenAttempt(
                attemptId,
                candidateId,
                request.assessmentCode().strip(),
                access.current().userId()));
        return ResponseEntity.created(URI.create("/api/assessment-attempts/" + attemptId))
                .cacheControl(CacheControl.noStore())
                .body(opened);
    }

    /**
     * Starts an attempt with a registration number and an access key. It answers the questions and an attempt token.
     * The candidate starts the attempt with their registration number and the key read out to them; never under a
     * member of staff's session, so that an invigilator who holds the key cannot sit the test in the candidate's place
     * from their own signed-in device (403; the start is refused before the key is checked).
     */
    @PostMapping("/api/assessment-attempts/start")
    @Public
    @ApiResponse(responseCode = "200", description = "Started", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "That registration number and access key open no attempt")
    @ApiResponse(responseCode = "403", description = "Sent under a member of staff's session")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong access keys from this address, or the key locked for a while")
    public ResponseEntity<Started> start(@Valid @RequestBody StartRequest request) {
        CurrentActor.get().filter(user -> user.candidateId() == null).ifPresent(staff -> {
            throw ApiProblem.forbidden("An assessment is started by its candidate, not under a member of staff's"
                    + " session: sign out of the staff account on this device first");
        });
        Started started = starts.start(
                request.registrationNumber(),
                request.accessKey(),
                RequestCorrelation.clientAddress().orElse(null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(started);
    }

    /**
     * Records the sitting candidate's answer to one question; answering again changes it. Refused once the attempt has
     * ended.
     */
    @PutMapping("/api/assessment-attempts/{attemptId}/answers/{questionId}")
    @Allow(candidate = true)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> answer(
            @PathVariable String attemptId,
            @PathVariable String questionId,
            @Valid @RequestBody AnswerRequest request) {
        commands.sendAndWait(
                new AnswerQuestion(attemptId, questionId, request.optionId().strip()));
        return ResponseEntity.noContent().build();
    }

    /** Submits the sitting candidate's attempt and answers its result. */
    @PostMapping("/api/assessment-attempts/{attemptId}/submit")
    @Allow(candidate = true)
    public ResponseEntity<AttemptResult> submit(@PathVariable String attemptId) {
        AttemptResult result = commands.sendAndWait(new SubmitAttempt(attemptId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    /**
     * The sitting candidate's attempt as they see it. The candidate's live view: questions, their chosen answers and
     * the time left (read model; a moment behind); {@code paused} while the invigilator has it paused, when the time
     * left stands still.
     */
    @GetMapping("/api/assessment-attempts/{attemptId}/sitting")
    @Allow(candidate = true)
    public ResponseEntity<Sitting> sitting(@PathVariable String attemptId) {
        SittingView view = queries.one(new FindSitting(attemptId), SittingView.class)
                .orElseThrow(() -> ApiProblem.notFound("This attempt is not ready yet; try again in a moment"));
        boolean paused = view.status() == AttemptStatus.STARTED && view.pausedAt() != null;
        // while paused the clock stands still at what was left when the invigilator paused
        Instant from = paused ? view.pausedAt() : clock.instant();
        long secondsLeft = view.status() != AttemptStatus.STARTED || view.endsAt() == null
                ? 0
                : Math.max(0, Duration.between(from, view.endsAt()).toSeconds());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Sitting(
                        view.attemptId(),
                        view.assessmentCode(),
                        view.status(),
                        view.startedAt(),
                        view.endsAt(),
                        secondsLeft,
                        view.submittedAt(),
                        view.questions(),
                        view.result(),
                        view.adjustments(),
                        paused,
                        paused ? view.pausedAt() : null));
    }

    /** One assessment attempt with its answers; which answers were right only for IMI staff. */
    @GetMapping("/api/assessment-attempts/{attemptId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.ATTEMPT_ID)
    public AttemptView attempt(@PathVariable String attemptId) {
        AttemptView attempt = queries.one(new FindAttempt(attemptId), AttemptView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such attempt"));
        // which questions were answered right, beside the options chosen, maps an item bank to its answers:
        // IMI staff only, never the centre that sits the bank's tests
        return access.current().isImiStaff() ? attempt : attempt.withoutMarks();
    }

    /**
     * An attempt's answer trail. Every answer and change of answer with its time and address: for investigations, IMI
     * staff only.
     */
    @GetMapping("/api/assessment-attempts/{attemptId}/answer-trail")
    @Allow({IMI_ADMIN, AUDITOR})
    public AnswerTrail answerTrail(@PathVariable String attemptId) {
        return queries.one(new FindAnswerTrail(attemptId), AnswerTrail.class)
                .orElseThrow(() -> ApiProblem.notFound("No such attempt"));
    }

    /** Voids an attempt, with the reason: it no longer counts towards a result. */
    @PostMapping("/api/assessment-attempts/{attemptId}/void")
    @Allow(IMI_ADMIN)
    public Voided voidAttempt(@PathVariable String attemptId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new VoidAttempt(attemptId, request.reason()));
        return new Voided(attemptId, AttemptStatus.VOIDED);
    }

    /** Every assessment attempt of a candidate, newest first. */
    @GetMapping("/api/candidates/{candidateId}/assessment-attempts")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID)
    public ResponseEntity<List<AttemptSummary>> candidateAttempts(
            @PathVariable String candidateId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (candidates.find(candidateId).isEmpty()) {
            throw ApiProblem.notFound("No such candidate");
        }
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(
                        new PageCandidateAttempts(candidateId, paging.page(), paging.size()), AttemptSummary.class),
                () -> queries.many(new ListCandidateAttempts(candidateId), AttemptSummary.class),
                Function.identity());
    }

    /** A page of a centre's assessment attempts, optionally of one status. */
    @GetMapping("/api/centres/{centreId}/assessment-attempts")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true)
    public Page<AttemptSummary> centreAttempts(
            @PathVariable String centreId,
            @RequestParam(required = false) AttemptStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        DateRange opened = DateRange.of("openedFrom", openedFrom, "openedTo", openedTo);
        return queries.page(
                new ListCentreAttempts(centreId, status, opened.from(), opened.to(), paging.page(), paging.size()),
                AttemptSummary.class);
    }
}
