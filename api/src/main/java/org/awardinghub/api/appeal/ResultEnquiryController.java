package org.awardinghub.api.appeal;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.awardinghub.api.Paging;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.command.appeal.DecideAppeal;
import org.awardinghub.command.appeal.LodgeAppeal;
import org.awardinghub.command.appeal.RaiseResultEnquiry;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.Page;
import org.awardinghub.query.appeal.EnquiryView;
import org.awardinghub.query.appeal.FindEnquiry;
import org.awardinghub.query.appeal.ListEnquiries;
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
 * Enquiries about results and appeals (ADR 0156): a centre admin or coordinator asks for a review of a submitted
 * attempt's result (the clerical re-check is done as it is asked for), then may appeal to IMI; IMI admins decide
 * appeals from their queue.
 */
@RestController
class ResultEnquiryController {

    private static final Set<String> STAGES =
            Set.of(EnquiryView.RE_CHECKED, EnquiryView.APPEALED, EnquiryView.APPEAL_DECIDED);

    public record NewEnquiry(
            @NotBlank @Size(max = 5000) @MultiLine String reasons) {}

    public record Raised(String enquiryId, String stage) {}

    public record NewAppeal(
            @NotBlank @Size(max = 5000) @MultiLine String reasons) {}

    public record Lodged(String enquiryId, String stage) {}

    /** UPHELD gives the corrected {@code outcome} and {@code score}; DISMISSED gives neither. */
    public record AppealDecisionRequest(
            @NotNull AppealDecision decision,
            Outcome outcome,
            @Min(0) @Max(1000) Integer score,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record Decided(String enquiryId, String stage, AppealDecision decision) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;

    ResultEnquiryController(Access access, CommandGateway commands, Queries queries) {
        this.access = access;
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Asks for a review of a submitted attempt's result, within 30 days of it, with reasons. The clerical re-check
     * is done at once: the answers are marked again against the key in force when the attempt was taken, and a
     * different score corrects the result. One enquiry per attempt.
     */
    @PostMapping("/api/assessment-attempts/{attemptId}/result-enquiries")
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.ATTEMPT_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Raised> raise(@PathVariable String attemptId, @Valid @RequestBody NewEnquiry request) {
        String enquiryId = UUID.randomUUID().toString();
        commands.sendAndWait(new RaiseResultEnquiry(
                enquiryId, attemptId, request.reasons(), access.current().userId()));
        return ResponseEntity.created(URI.create("/api/result-enquiries/" + enquiryId))
                .body(new Raised(enquiryId, EnquiryView.RE_CHECKED));
    }

    /** Appeals to IMI against the re-checked result, within 14 days of the re-check, with reasons. */
    @PostMapping("/api/assessment-attempts/{attemptId}/result-enquiries/{enquiryId}/appeal")
    @Allow(
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR},
            centreOf = Access.ATTEMPT_ID)
    public Lodged appeal(
            @PathVariable String attemptId, @PathVariable String enquiryId, @Valid @RequestBody NewAppeal request) {
        commands.sendAndWait(new LodgeAppeal(
                enquiryId, attemptId, request.reasons(), access.current().userId()));
        return new Lodged(enquiryId, EnquiryView.APPEALED);
    }

    /** IMI's queue of enquiries across centres, newest first; {@code ?stage=APPEALED} lists appeals waiting. */
    @GetMapping("/api/result-enquiries")
    @Allow({IMI_ADMIN, AUDITOR})
    public Page<EnquiryView> queue(
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        checkStage(stage);
        Paging paging = Paging.of(page, size);
        return queries.page(new ListEnquiries(null, null, stage, paging.page(), paging.size()), EnquiryView.class);
    }

    /** One enquiry, with its re-check and appeal. */
    @GetMapping("/api/result-enquiries/{enquiryId}")
    @Allow({IMI_ADMIN, AUDITOR})
    public EnquiryView enquiry(@PathVariable String enquiryId) {
        return find(enquiryId);
    }

    /**
     * Decides an appeal, with the reason: UPHELD corrects the attempt's result to the outcome and score given (the
     * outcome must be the one the attempt's pass mark gives for the score); DISMISSED leaves it. An appeal is
     * decided once: a second decision answers 409.
     */
    @PostMapping("/api/result-enquiries/{enquiryId}/decision")
    @Allow(IMI_ADMIN)
    public Decided decide(@PathVariable String enquiryId, @Valid @RequestBody AppealDecisionRequest request) {
        commands.sendAndWait(new DecideAppeal(
                enquiryId,
                request.decision(),
                request.outcome(),
                request.score(),
                request.reason(),
                access.current().userId()));
        return new Decided(enquiryId, EnquiryView.APPEAL_DECIDED, request.decision());
    }

    /** A page of the centre's enquiries, newest first. */
    @GetMapping("/api/centres/{centreId}/result-enquiries")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = {CENTRE_ADMIN, CENTRE_COORDINATOR})
    public Page<EnquiryView> centreEnquiries(
            @PathVariable String centreId,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        checkStage(stage);
        Paging paging = Paging.of(page, size);
        return queries.page(new ListEnquiries(centreId, null, stage, paging.page(), paging.size()), EnquiryView.class);
    }

    /** A page of the candidate's enquiries, newest first. */
    @GetMapping("/api/candidates/{candidateId}/result-enquiries")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID)
    public Page<EnquiryView> candidateEnquiries(
            @PathVariable String candidateId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.page(
                new ListEnquiries(null, candidateId, null, paging.page(), paging.size()), EnquiryView.class);
    }

    private EnquiryView find(String enquiryId) {
        return queries.one(new FindEnquiry(enquiryId), EnquiryView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such enquiry"));
    }

    private static void checkStage(String stage) {
        if (stage != null && !STAGES.contains(stage)) {
            throw ApiProblem.badRequest("stage", "must be RE_CHECKED, APPEALED or APPEAL_DECIDED");
        }
    }
}
