package org.awardinghub.api.portfolio;

import static org.awardinghub.events.user.Role.ASSESSOR;
import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_ADMIN;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;
import static org.awardinghub.events.user.Role.IQA;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Queries;
import org.awardinghub.api.files.FileTypes;
import org.awardinghub.api.files.StoredFiles;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.api.user.PeopleNames;
import org.awardinghub.api.user.UserAccounts;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.portfolio.AssignAssessor;
import org.awardinghub.command.portfolio.AssignIqa;
import org.awardinghub.command.portfolio.DecideSample;
import org.awardinghub.command.portfolio.EvidenceVersion;
import org.awardinghub.command.portfolio.JudgeEvidence;
import org.awardinghub.command.portfolio.SamplingRule;
import org.awardinghub.command.portfolio.SetSamplingPlan;
import org.awardinghub.command.portfolio.SignOffUnit;
import org.awardinghub.command.portfolio.UploadEvidence;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.SampleDecision;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.awardinghub.query.centre.CentreView;
import org.awardinghub.query.centre.FindCentre;
import org.awardinghub.query.portfolio.PortfolioQueries.FindPortfolio;
import org.awardinghub.query.portfolio.PortfolioQueries.FindSamplingPlan;
import org.awardinghub.query.portfolio.PortfolioQueries.ListAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.ListCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.ListIqaQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.PageAssessorQueue;
import org.awardinghub.query.portfolio.PortfolioQueries.PageCentreProgress;
import org.awardinghub.query.portfolio.PortfolioQueries.PageIqaQueue;
import org.awardinghub.query.portfolio.PortfolioViews.AwaitingJudgement;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceVersionView;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioProgress;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioView;
import org.awardinghub.query.portfolio.PortfolioViews.SampleDue;
import org.awardinghub.query.portfolio.SamplingPlanView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ePortfolio: candidate accounts, the assessor's and IQA's assignment, evidence uploaded by the candidate (or
 * by the assessor on their behalf), judgements, unit sign-offs, IQA sampling, and the progress, queues and
 * workloads read from the portfolio read models.
 * <p>
 * An upload's bytes are stored in the file store (by their SHA-256) before the command is sent: a refused
 * command leaves a file nobody refers to, which is harmless, as it is named only by its hash and linked to no one.
 */
@RestController
class PortfolioController {

    public record AccountRequest(
            @NotBlank @Email @Size(max = 254) @SingleLine String email) {}

    public record CreatedAccount(String userId, String pin) {}

    public record AssessorRequest(
            @NotBlank @Size(max = 100) @SingleLine String userId,
            @Size(max = 1000) @MultiLine String reason) {}

    public record IqaRequest(
            @NotBlank @Size(max = 100) @SingleLine String userId) {}

    public record Assignment(String candidateId, String userId) {}

    public record Uploaded(String evidenceId, int version, String sha256, long size, String mediaType) {}

    public record CriterionDecision(
            @NotBlank @SingleLine String code, @NotNull Boolean met) {}

    public record JudgementRequest(
            @NotEmpty List<@Valid @NotNull CriterionDecision> criteria,
            @Size(max = 4000) @MultiLine String feedback,
            Integer version) {}

    public record Judged(String evidenceId, String unitCode) {}

    public record SignedOff(String candidateId, String unitCode, boolean sampled) {}

    public record SampleRequest(
            @NotNull SampleDecision decision,
            @Size(max = 4000) @MultiLine String feedback) {}

    public record Decided(String candidateId, String unitCode, SampleDecision decision) {}

    public record SamplingPlanRequest(
            Integer percent,
            Integer newAssessorPercent,
            Integer newAssessorSignOffs,
            List<@Valid @NotNull SamplingOverride> overrides) {}

    public record SamplingOverride(
            @NotBlank @SingleLine String assessorUserId,
            @NotBlank @SingleLine String unitCode,
            @NotNull Integer percent) {}

    public record SamplingPlanAnswer(String centreId) {}

    /**
     * The plan the centre's sign-offs are sampled by: as last set ({@code setAt}), or the defaults
     * ({@code defaults: true}, {@code setAt: null}) while the centre has set none.
     */
    public record CentreSamplingPlan(
            String centreId,
            int percent,
            int newAssessorPercent,
            int newAssessorSignOffs,
            List<SamplingPlanOverride> overrides,
            Instant setAt,
            boolean defaults) {}

    /** A sampled sign-off awaiting the IQA, with the assessor's name beside their PIN. */
    public record SampleToDecide(
            String candidateId,
            String centreId,
            String unitCode,
            String assessorPin,
            String assessorName,
            Instant signedOffAt,
            long ageDays) {}

    /** A candidate's portfolio progress, with the names of their assessor and IQA beside their ids. */
    public record CandidateProgress(
            String candidateId,
            String qualificationCode,
            String assessorUserId,
            String assessorName,
            String iqaUserId,
            String iqaName,
            int percentMet,
            int unitsSignedOff,
            int unitsTotal,
            int awaitingJudgement,
            int samplesDue) {}

    /** An override with the assessor's name beside their id. */
    public record SamplingPlanOverride(String assessorUserId, String assessorName, String unitCode, int percent) {}

    private final Access access;
    private final CommandGateway commands;
    private final Queries queries;
    private final UserAccounts accounts;
    private final CandidateDirectory candidates;
    private final StoredFiles files;
    private final PeopleNames names;

    public PortfolioController(
            Access access,
            CommandGateway commands,
            Queries queries,
            UserAccounts accounts,
            CandidateDirectory candidates,
            StoredFiles files,
            PeopleNames names) {
        this.names = names;
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        this.candidates = candidates;
        this.files = files;
    }

    /**
     * Creates a candidate's own account, so that they can upload their evidence. The account is sent an activation
     * email.
     */
    @PostMapping("/api/candidates/{candidateId}/account")
    @Allow(
            ofCentre = {CENTRE_COORDINATOR, CENTRE_ADMIN},
            centreOf = Access.CANDIDATE_ID)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CreatedAccount> createAccount(
            @PathVariable String candidateId, @Valid @RequestBody AccountRequest request) {
        CandidateEntry candidate =
                candidates.find(candidateId).orElseThrow(() -> ApiProblem.notFound("No such record"));
        String name = candidates
                .holderName(candidateId)
                .orElseThrow(() -> ApiProblem.conflict(
                        "The candidate's name is not on the command side's record (registered before it was kept); amend"
                                + " their name to record it, then create the account"));
        UserAccounts.NewUser user =
                accounts.createForCandidate(name, request.email(), candidate.centreId(), candidateId);
        return ResponseEntity.created(URI.create("/api/users/" + user.userId()))
                .body(new CreatedAccount(user.userId(), user.pin()));
    }

    /** Assigns the assessor who judges a candidate's portfolio, with the reason. */
    @PutMapping("/api/candidates/{candidateId}/portfolio/assessor")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.CANDIDATE_ID)
    public Assignment assignAssessor(@PathVariable String candidateId, @Valid @RequestBody AssessorRequest request) {
        commands.sendAndWait(new AssignAssessor(candidateId, request.userId().strip(), request.reason()));
        return new Assignment(candidateId, request.userId().strip());
    }

    /** Assigns the internal quality assurer (IQA) who samples a candidate's portfolio. */
    @PutMapping("/api/candidates/{candidateId}/portfolio/iqa")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.CANDIDATE_ID)
    public Assignment assignIqa(@PathVariable String candidateId, @Valid @RequestBody IqaRequest request) {
        commands.sendAndWait(new AssignIqa(candidateId, request.userId().strip()));
        return new Assignment(candidateId, request.userId().strip());
    }

    /**
     * Uploads evidence, or a new version of it, to a candidate's portfolio. The file's type is told by its bytes;
     * anything not accepted answers 415, whatever its name says.
     */
    @PostMapping(
            value = "/api/candidates/{candidateId}/portfolio/evidence",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allow(ofCentre = ASSESSOR, centreOf = Access.CANDIDATE_ID, candidateAccount = true)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Uploaded> upload(
            @PathVariable String candidateId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String criteria,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String replaces)
            throws IOException {
        StoredFiles.Stored stored = files.store(file, "evidence");
        FileTypes.FileType type = stored.type();
        List<String> codes = criteria == null
                ? List.of()
                : Arrays.stream(criteria.split(","))
                        .map(String::strip)
                        .filter(code -> !code.isEmpty())
                        .toList();
        EvidenceVersion version = commands.sendAndWait(new UploadEvidence(
                candidateId,
                UUID.randomUUID().toString(),
                replaces == null || replaces.isBlank() ? null : replaces.strip(),
                unitCode,
                codes,
                description,
                stored.fileName(),
                type.mediaType(),
                stored.size(),
                stored.sha256(),
                access.current().userId()));
        return ResponseEntity.created(URI.create("/api/candidates/" + candidateId + "/portfolio/evidence/"
                        + version.evidenceId() + "/versions/" + version.version() + "/file"))
                .body(new Uploaded(
                        version.evidenceId(), version.version(), stored.sha256(), stored.size(), type.mediaType()));
    }

    /**
     * Downloads one version of a piece of evidence. The bytes as uploaded, with the hash recorded in the event: the
     * client can check them against it.
     */
    @GetMapping("/api/candidates/{candidateId}/portfolio/evidence/{evidenceId}/versions/{version}/file")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID,
            candidateAccount = true)
    public ResponseEntity<InputStreamResource> file(
            @PathVariable String candidateId, @PathVariable String evidenceId, @PathVariable int version) {
        EvidenceVersionView recorded = portfolio(candidateId).evidence().stream()
                .filter(piece -> piece.evidenceId().equals(evidenceId))
                .flatMap(piece -> piece.versions().stream())
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No such evidence version"));
        return StoredFiles.attachment(
                files.open(recorded.sha256()),
                recorded.mediaType(),
                recorded.size(),
                recorded.fileName(),
                recorded.sha256());
    }

    /** Records an assessor's judgement of an evidence version, criterion by criterion, with feedback. */
    @PostMapping("/api/candidates/{candidateId}/portfolio/evidence/{evidenceId}/judgement")
    @Allow(ofCentre = ASSESSOR, centreOf = Access.CANDIDATE_ID)
    public Judged judge(
            @PathVariable String candidateId,
            @PathVariable String evidenceId,
            @Valid @RequestBody JudgementRequest request) {
        commands.sendAndWait(new JudgeEvidence(
                candidateId,
                evidenceId,
                request.version(),
                request.criteria().stream()
                        .map(c -> new EvidenceJudged.CriterionJudgement(c.code(), c.met()))
                        .toList(),
                request.feedback(),
                access.current().userId()));
        return new Judged(candidateId, evidenceId);
    }

    /** Signs off a portfolio unit whose criteria are all met; it may be chosen for sampling. */
    @PostMapping("/api/candidates/{candidateId}/portfolio/units/{unitCode}/sign-off")
    @Allow(ofCentre = ASSESSOR, centreOf = Access.CANDIDATE_ID)
    public SignedOff signOff(@PathVariable String candidateId, @PathVariable String unitCode) {
        boolean sampled = commands.sendAndWait(
                new SignOffUnit(candidateId, unitCode, access.current().userId()));
        return new SignedOff(candidateId, unitCode, sampled);
    }

    /** Records an IQA's sampling decision on a signed-off unit, with feedback. */
    @PostMapping("/api/candidates/{candidateId}/portfolio/units/{unitCode}/sample")
    @Allow(ofCentre = IQA, centreOf = Access.CANDIDATE_ID)
    public Decided sample(
            @PathVariable String candidateId,
            @PathVariable String unitCode,
            @Valid @RequestBody SampleRequest request) {
        commands.sendAndWait(new DecideSample(
                candidateId,
                unitCode,
                request.decision(),
                request.feedback(),
                access.current().userId()));
        return new Decided(candidateId, unitCode, request.decision());
    }

    /** Sets a centre's sampling plan: how much of each assessor's work the IQAs sample. */
    @PutMapping("/api/centres/{centreId}/sampling-plan")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR)
    public SamplingPlanAnswer samplingPlan(
            @PathVariable String centreId, @Valid @RequestBody SamplingPlanRequest request) {
        List<SamplingPlanSet.Override> overrides = request.overrides() == null
                ? List.of()
                : request.overrides().stream()
                        .map(o -> new SamplingPlanSet.Override(o.assessorUserId(), o.unitCode(), o.percent()))
                        .toList();
        commands.sendAndWait(new SetSamplingPlan(
                centreId, request.percent(), request.newAssessorPercent(), request.newAssessorSignOffs(), overrides));
        return new SamplingPlanAnswer(centreId);
    }

    /** The plan the centre's unit sign-offs are sampled by, for IMI staff and the centre's coordinator and IQAs. */
    @GetMapping("/api/centres/{centreId}/sampling-plan")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = {CENTRE_COORDINATOR, IQA})
    public CentreSamplingPlan currentSamplingPlan(@PathVariable String centreId) {
        SamplingPlanView plan = queries.one(new FindSamplingPlan(centreId), SamplingPlanView.class)
                .orElse(null);
        if (plan == null) {
            queries.one(new FindCentre(centreId), CentreView.class)
                    .orElseThrow(() -> ApiProblem.notFound("No such centre"));
            return new CentreSamplingPlan(
                    centreId,
                    SamplingRule.DEFAULT_PERCENT,
                    SamplingRule.DEFAULT_NEW_ASSESSOR_PERCENT,
                    SamplingRule.DEFAULT_NEW_ASSESSOR_SIGN_OFFS,
                    List.of(),
                    null,
                    true);
        }
        PeopleNames.Names assessors = names.ofUsers(plan.overrides().stream()
                .map(SamplingPlanView.Override::assessorUserId)
                .toList());
        return new CentreSamplingPlan(
                centreId,
                plan.percent(),
                plan.newAssessorPercent(),
                plan.newAssessorSignOffs(),
                plan.overrides().stream()
                        .map(o -> new SamplingPlanOverride(
                                o.assessorUserId(), assessors.ofUser(o.assessorUserId()), o.unitCode(), o.percent()))
                        .toList(),
                plan.setAt(),
                false);
    }

    /** A candidate's portfolio: units, criteria, evidence with its versions and judgements. */
    @GetMapping("/api/candidates/{candidateId}/portfolio")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyOfCentre = true,
            centreOf = Access.CANDIDATE_ID,
            candidateAccount = true)
    public PortfolioView portfolio(@PathVariable String candidateId) {
        return queries.one(new FindPortfolio(candidateId), PortfolioView.class)
                .orElseThrow(
                        () -> ApiProblem.notFound("Nothing has been recorded in this candidate's portfolio" + " yet"));
    }

    /** The evidence awaiting the signed-in assessor's judgement, oldest first. */
    @GetMapping("/api/portfolio/assessor-queue")
    @Allow(ASSESSOR)
    public ResponseEntity<List<AwaitingJudgement>> assessorQueue(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ActingUser me = access.current();
        return PagedArray.answer(
                page,
                size,
                paging -> queries.page(
                        new PageAssessorQueue(me.userId(), paging.page(), paging.size()), AwaitingJudgement.class),
                () -> queries.many(new ListAssessorQueue(me.userId()), AwaitingJudgement.class),
                Function.identity());
    }

    /** The sampled sign-offs awaiting the signed-in IQA's decision, oldest first. */
    @GetMapping("/api/portfolio/iqa-queue")
    @Allow(IQA)
    public ResponseEntity<List<SampleToDecide>> iqaQueue(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ActingUser me = access.current();
        return PagedArray.answerTogether(
                page,
                size,
                paging -> queries.page(new PageIqaQueue(me.userId(), paging.page(), paging.size()), SampleDue.class),
                () -> queries.many(new ListIqaQueue(me.userId()), SampleDue.class),
                due -> {
                    PeopleNames.Names assessors = names.ofPins(
                            due.stream().map(SampleDue::assessorPin).toList());
                    return due.stream()
                            .map(sample -> new SampleToDecide(
                                    sample.candidateId(),
                                    sample.centreId(),
                                    sample.unitCode(),
                                    sample.assessorPin(),
                                    assessors.ofPin(sample.assessorPin()),
                                    sample.signedOffAt(),
                                    sample.ageDays()))
                            .toList();
                });
    }

    /** Portfolio progress of each candidate at a centre, unit by unit. */
    @GetMapping("/api/centres/{centreId}/portfolio-progress")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = CENTRE_COORDINATOR)
    public ResponseEntity<List<CandidateProgress>> progress(
            @PathVariable String centreId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PagedArray.answerTogether(
                page,
                size,
                paging -> queries.page(
                        new PageCentreProgress(centreId, paging.page(), paging.size()), PortfolioProgress.class),
                () -> queries.many(new ListCentreProgress(centreId), PortfolioProgress.class),
                this::withNames);
    }

    /** Each candidate's progress, with the names of their assessor and IQA. */
    private List<CandidateProgress> withNames(List<PortfolioProgress> progress) {
        List<String> staff = new ArrayList<>();
        progress.forEach(row -> {
            staff.add(row.assessorUserId());
            staff.add(row.iqaUserId());
        });
        PeopleNames.Names named = names.ofUsers(staff);
        return progress.stream()
                .map(row -> new CandidateProgress(
                        row.candidateId(),
                        row.qualificationCode(),
                        row.assessorUserId(),
                        named.ofUser(row.assessorUserId()),
                        row.iqaUserId(),
                        named.ofUser(row.iqaUserId()),
                        row.percentMet(),
                        row.unitsSignedOff(),
                        row.unitsTotal(),
                        row.awaitingJudgement(),
                        row.samplesDue()))
                .toList();
    }
}
