package org.awardinghub.api.investigation;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awardinghub.api.Paging;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.api.user.PeopleNames;
import org.awardinghub.command.investigation.AdoptRule;
import org.awardinghub.command.investigation.FreezeCase;
import org.awardinghub.command.investigation.InvestigationCase;
import org.awardinghub.command.investigation.ProposeRule;
import org.awardinghub.command.investigation.RecordRuleRun;
import org.awardinghub.command.investigation.RuleFindingsRecord;
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.awardinghub.query.Page;
import org.awardinghub.query.audit.AuditLog;
import org.awardinghub.query.audit.CaseBundle;
import org.awardinghub.query.audit.ChainHead;
import org.awardinghub.query.audit.rules.Breach;
import org.awardinghub.query.audit.rules.RecordedProposal;
import org.awardinghub.query.audit.rules.RecordedRun;
import org.awardinghub.query.audit.rules.Rule;
import org.awardinghub.query.audit.rules.RuleEngine;
import org.awardinghub.query.audit.rules.RuleLibrary;
import org.awardinghub.query.audit.rules.RuleOutcome;
import org.awardinghub.query.audit.rules.RuleParameter;
import org.awardinghub.query.audit.rules.RuleParameters;
import org.awardinghub.query.audit.rules.RuleRecords;
import org.awardinghub.query.audit.rules.RuleRefused;
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
 * Rules over history, for AUDITOR and IMI_ADMIN (ADR 0168): the library of ready-made rules; a run of one over the
 * audit log, or a window of it, up to the chain's head, recorded with the digest of its findings so that it can be
 * rerun and checked; a run's learners and people frozen into a case; a new rule tried against the past and adopted
 * by IMI. Every run reads the log in one pass; at most two run at once, the others wait for a turn and, after a
 * minute, are told to come back (503 with {@code Retry-After}).
 */
@RestController
class RuleController {

    /** A parameter as the library describes it: whole numbers without a decimal point. */
    public record RuleParameterDescription(
            String name, RuleParameter.Type type, Number defaultValue, Number min, Number max, String description) {}

    /** A rule of the library. {@code aboutAttempts}: each breach is an attempt the rule would have refused. */
    public record RuleDescription(
            String id,
            String title,
            String description,
            boolean aboutAttempts,
            List<RuleParameterDescription> parameters) {}

    /** {@code from} and {@code to}: ISO-8601 instants of event time, {@code from} inclusive, {@code to} exclusive. */
    public record NewRuleRun(
            @NotBlank @Size(max = 60) @SingleLine String rule,
            Map<String, Object> parameters,
            String from,
            String to) {}

    public record RuleWindow(Instant from, Instant to) {}

    /** A person involved in the run's breaches, with their name where the users' read model has it. */
    public record RuleRunPerson(String pin, String userId, String role, String name) {}

    /**
     * A run and its findings. {@code breaches} lists the first 1,000 * ({@code breachesListed} false when there were more; the totals and the digest count them all). {@code reproduced}
     * (reading a recorded run) says whether the rerun up to {@code upToPosition} gave the recorded digest.
     */
    public record RuleRunView(
            String runId,
            String rule,
            Map<String, Number> parameters,
            RuleWindow window,
            long upToPosition,
            long eventsScanned,
            RuleOutcome.Totals totals,
            String findingsDigest,
            Boolean reproduced,
            String recordedDigest,
            Instant ranAt,
            String ranByPin,
            String ranByName,
            long millis,
            boolean breachesListed,
            List<Breach> breaches,
            List<Breach.Learner> learners,
            List<RuleRunPerson> people) {}

    /** A recorded run in the list of runs. */
    public record RuleRunSummary(
            String runId,
            String rule,
            Map<String, Number> parameters,
            RuleWindow window,
            long upToPosition,
            long eventsScanned,
            RuleOutcome.Totals totals,
            String findingsDigest,
            Instant ranAt,
            String ranByPin,
            String ranByName) {}

    public record NewRuleRunCase(
            @NotBlank @Size(max = 200) @SingleLine String title) {}

    public record CaseOfRun(String caseId, String ruleRunId, long upToPosition, List<CaseBundle.Record> records) {}

    /** {@code since}: a date (YYYY-MM-DD, from its start in UTC). */
    public record NewRuleProposal(
            @NotBlank @Size(max = 60) @SingleLine String rule, Map<String, Object> parameters, String since) {}

    /**
     * A proposed rule and what it would have done since {@code since} ({@code statement}: "Had this rule applied
     * since 2026-01-01, 37 attempts would have been refused"). {@code status}: PROPOSED or ADOPTED.
     */
    public record RuleProposalView(
            String proposalId,
            String rule,
            Map<String, Number> parameters,
            LocalDate since,
            long upToPosition,
            long eventsScanned,
            RuleOutcome.Totals totals,
            String findingsDigest,
            String statement,
            String status,
            Instant proposedAt,
            String proposedByPin,
            String proposedByName,
            Instant adoptedAt,
            String adoptedByPin,
            String adoptedByName,
            List<Breach> breaches) {}

    public record RuleAdoption(String proposalId, String status) {}

    static final int RUNS_AT_ONCE = 2;
    static final Duration TURN_WAIT = Duration.ofSeconds(60);

    private final RuleEngine engine;
    private final RuleRecords records;
    private final AuditLog auditLog;
    private final CommandGateway commands;
    private final PeopleNames names;
    private final Semaphore turns = new Semaphore(RUNS_AT_ONCE, true);

    RuleController(
            RuleEngine engine, RuleRecords records, AuditLog auditLog, CommandGateway commands, PeopleNames names) {
        this.engine = engine;
        this.records = records;
        this.auditLog = auditLog;
        this.commands = commands;
        this.names = names;
    }

    /** The ready-made rules, with their parameters' defaults and limits. */
    @GetMapping("/api/investigations/rules")
    @Allow({AUDITOR, IMI_ADMIN})
    public List<RuleDescription> rules() {
        return RuleLibrary.RULES.stream()
                .map(rule -> new RuleDescription(
                        rule.id(),
                        rule.title(),
                        rule.description(),
                        rule.aboutAttempts(),
                        rule.parameters().stream()
                                .map(parameter -> new RuleParameterDescription(
                                        parameter.name(),
                                        parameter.type(),
                                        parameter.shown(parameter.defaultValue()),
                                        parameter.shown(parameter.min()),
                                        parameter.shown(parameter.max()),
                                        parameter.description()))
                                .toList()))
                .toList();
    }

    /** Runs a rule over the audit log up to the chain's head, and records the run. */
    @PostMapping("/api/investigations/rule-runs")
    @Allow({AUDITOR, IMI_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RuleRunView> run(@Valid @RequestBody NewRuleRun request) {
        Rule rule = rule(request.rule());
        RuleParameters parameters = parameters(rule, request.parameters());
        Instant from = AuditController.optionalInstant("from", request.from());
        Instant to = AuditController.optionalInstant("to", request.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("to", "to must come after from");
        }
        long head = auditLog.head().map(ChainHead::position).orElse(0L);
        RuleOutcome outcome = inTurn(() -> engine.run(rule, parameters, from, to, head));
        String runId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordRuleRun(runId, rule.id(), recorded(parameters), from, to, findings(outcome)));
        return ResponseEntity.created(URI.create("/api/investigations/rule-runs/" + runId))
                .body(run(runId, outcome, null, null, null));
    }

    /** The recorded runs, the latest first, with the runner's name. */
    @GetMapping("/api/investigations/rule-runs")
    @Allow({AUDITOR, IMI_ADMIN})
    public Page<RuleRunSummary> runs(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Page<RecordedRun> runs = records.runs(paging.page(), paging.size());
        PeopleNames.Names ranBy =
                names.ofPins(runs.items().stream().map(RecordedRun::ranByPin).toList());
        return new Page<>(
                runs.items().stream()
                        .map(run -> new RuleRunSummary(
                                run.runId(),
                                run.rule(),
                                run.parameters(),
                                new RuleWindow(run.from(), run.to()),
                                run.upToPosition(),
                                run.eventsScanned(),
                                new RuleOutcome.Totals(run.breaches(), run.learnersAffected(), run.attemptsRefused()),
                                run.findingsDigest(),
                                run.ranAt(),
                                run.ranByPin(),
                                ranBy.ofPin(run.ranByPin())))
                        .toList(),
                runs.page(),
                runs.size(),
                runs.total());
    }

    /** A recorded run again: rerun up to its position, and checked against the digest recorded. */
    @GetMapping("/api/investigations/rule-runs/{runId}")
    @Allow({AUDITOR, IMI_ADMIN})
    public RuleRunView recordedRun(@PathVariable String runId) {
        RecordedRun recorded = recorded(runId);
        RuleOutcome outcome = rerun(recorded);
        return run(
                runId,
                outcome,
                recorded,
                outcome.findingsDigest().equals(recorded.findingsDigest()),
                recorded.findingsDigest());
    }

    /** Freezes the run's learners' and people's records, as they stood at the run's position, into a case. */
    @PostMapping("/api/investigations/rule-runs/{runId}/case")
    @Allow({AUDITOR, IMI_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CaseOfRun> freeze(@PathVariable String runId, @Valid @RequestBody NewRuleRunCase request) {
        RecordedRun recorded = recorded(runId);
        RuleOutcome outcome = rerun(recorded);
        if (!outcome.findingsDigest().equals(recorded.findingsDigest())) {
            throw ApiProblem.conflict("The run no longer gives the findings recorded; its case cannot be frozen");
        }
        Set<CaseFrozen.RecordRef> refs = new LinkedHashSet<>();
        outcome.learners().forEach(learner -> refs.add(new CaseFrozen.RecordRef("candidate", learner.candidateId())));
        outcome.people().stream()
                .filter(person -> person.userId() != null)
                .forEach(person -> refs.add(new CaseFrozen.RecordRef("user", person.userId())));
        if (refs.isEmpty()) {
            throw ApiProblem.conflict("The run found no breach: there is nobody's record to freeze");
        }
        if (outcome.totals().learnersAffected() > InvestigationCase.MAX_RECORDS
                || refs.size() > InvestigationCase.MAX_RECORDS) {
            throw ApiProblem.conflict("The run names more than " + InvestigationCase.MAX_RECORDS
                    + " learners and people; a case holds at most that many records: run it over a narrower window");
        }
        String caseId = UUID.randomUUID().toString();
        List<CaseFrozen.RecordRef> frozen = new ArrayList<>(refs);
        commands.sendAndWait(new FreezeCase(caseId, request.title(), frozen, recorded.upToPosition(), runId));
        return ResponseEntity.created(URI.create("/api/audit/cases/" + caseId + "/bundle"))
                .body(new CaseOfRun(
                        caseId,
                        runId,
                        recorded.upToPosition(),
                        frozen.stream()
                                .map(record -> new CaseBundle.Record(record.type(), record.id()))
                                .toList()));
    }

    /** Tries a proposed rule against history since a date, and records the proposal. */
    @PostMapping("/api/investigations/rule-proposals")
    @Allow({AUDITOR, IMI_ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<RuleProposalView> propose(@Valid @RequestBody NewRuleProposal request) {
        Rule rule = rule(request.rule());
        RuleParameters parameters = parameters(rule, request.parameters());
        LocalDate since = date("since", request.since());
        Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        long head = auditLog.head().map(ChainHead::position).orElse(0L);
        RuleOutcome outcome = inTurn(() -> engine.run(rule, parameters, from, null, head));
        String proposalId = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeRule(proposalId, rule.id(), recorded(parameters), from, findings(outcome)));
        return ResponseEntity.created(URI.create("/api/investigations/rule-proposals/" + proposalId))
                .body(new RuleProposalView(
                        proposalId,
                        rule.id(),
                        outcome.parameters(),
                        since,
                        outcome.upToPosition(),
                        outcome.eventsScanned(),
                        outcome.totals(),
                        outcome.findingsDigest(),
                        statement(since, outcome.totals()),
                        "PROPOSED",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        outcome.breaches()));
    }

    /** The proposals, the latest first; {@code adopted=true}: the rules IMI adopted. */
    @GetMapping("/api/investigations/rule-proposals")
    @Allow({AUDITOR, IMI_ADMIN})
    public Page<RuleProposalView> proposals(
            @RequestParam(required = false) Boolean adopted,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Page<RecordedProposal> proposals =
                records.proposals(Boolean.TRUE.equals(adopted), paging.page(), paging.size());
        List<String> pins = new ArrayList<>();
        proposals.items().forEach(proposal -> {
            pins.add(proposal.proposedByPin());
            pins.add(proposal.adoptedByPin());
        });
        PeopleNames.Names people = names.ofPins(pins);
        return new Page<>(
                proposals.items().stream()
                        .map(proposal -> {
                            LocalDate since = LocalDate.ofInstant(proposal.since(), ZoneOffset.UTC);
                            RuleOutcome.Totals totals = new RuleOutcome.Totals(
                                    proposal.breaches(), proposal.learnersAffected(), proposal.attemptsRefused());
                            return new RuleProposalView(
                                    proposal.proposalId(),
                                    proposal.rule(),
                                    proposal.parameters(),
                                    since,
                                    proposal.upToPosition(),
                                    proposal.eventsScanned(),
                                    totals,
                                    proposal.findingsDigest(),
                                    statement(since, totals),
                                    proposal.adoptedAt() == null ? "PROPOSED" : "ADOPTED",
                                    proposal.proposedAt(),
                                    proposal.proposedByPin(),
                                    people.ofPin(proposal.proposedByPin()),
                                    proposal.adoptedAt(),
                                    proposal.adoptedByPin(),
                                    people.ofPin(proposal.adoptedByPin()),
                                    List.of());
                        })
                        .toList(),
                proposals.page(),
                proposals.size(),
                proposals.total());
    }

    /** IMI adopts a proposed rule, once; enforcing it is not part of this release (ADR 0168). */
    @PostMapping("/api/investigations/rule-proposals/{proposalId}/adoption")
    @Allow(IMI_ADMIN)
    public RuleAdoption adopt(@PathVariable String proposalId) {
        commands.sendAndWait(new AdoptRule(proposalId));
        return new RuleAdoption(proposalId, "ADOPTED");
    }

    private RecordedRun recorded(String runId) {
        return records.run(runId)
                .orElseThrow(() -> ApiProblem.notFound("No such rule run (a run just made takes a moment)"));
    }

    private RuleOutcome rerun(RecordedRun recorded) {
        Rule rule = RuleLibrary.rule(recorded.rule())
                .orElseThrow(() -> ApiProblem.conflict("The rule " + recorded.rule() + " is no longer in the library"));
        RuleParameters parameters = parameters(rule, recorded.parameters());
        return inTurn(() -> engine.run(rule, parameters, recorded.from(), recorded.to(), recorded.upToPosition()));
    }

    private RuleRunView run(
            String runId, RuleOutcome outcome, RecordedRun recorded, Boolean reproduced, String digest) {
        PeopleNames.Names people = names.ofPins(outcome.people().stream()
                .map(Breach.InvolvedPerson::pin)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        String ranByPin = recorded == null ? null : recorded.ranByPin();
        String ranByName =
                ranByPin == null ? null : names.ofPins(List.of(ranByPin)).ofPin(ranByPin);
        return new RuleRunView(
                runId,
                outcome.rule(),
                outcome.parameters(),
                new RuleWindow(outcome.from(), outcome.to()),
                outcome.upToPosition(),
                outcome.eventsScanned(),
                outcome.totals(),
                outcome.findingsDigest(),
                reproduced,
                digest,
                recorded == null ? null : recorded.ranAt(),
                ranByPin,
                ranByName,
                outcome.millis(),
                outcome.breachesListed(),
                outcome.breaches(),
                outcome.learners(),
                outcome.people().stream()
                        .map(person -> new RuleRunPerson(
                                person.pin(), person.userId(), person.role(), people.ofPin(person.pin())))
                        .toList());
    }

    private <T> T inTurn(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ApiProblem.busy("Other rule runs are reading the audit log; try again shortly", TURN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.busy("The rule run was interrupted; try again", TURN_WAIT);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private static Rule rule(String id) {
        return RuleLibrary.rule(id.strip())
                .orElseThrow(() -> ApiProblem.badRequest(
                        "rule",
                        "rule must be one of "
                                + String.join(
                                        ", ",
                                        RuleLibrary.RULES.stream().map(Rule::id).toList())));
    }

    private static RuleParameters parameters(Rule rule, Map<String, ?> given) {
        try {
            return RuleParameters.of(rule, given);
        } catch (RuleRefused refused) {
            throw ApiProblem.badRequest(refused.problems().stream()
                    .map(problem -> new ApiProblem.FieldError(problem.field(), problem.message()))
                    .toList());
        }
    }

    private static List<RuleRunRecorded.Parameter> recorded(RuleParameters parameters) {
        return parameters.values().entrySet().stream()
                .map(value -> new RuleRunRecorded.Parameter(value.getKey(), value.getValue()))
                .toList();
    }

    private static RuleFindingsRecord findings(RuleOutcome outcome) {
        return new RuleFindingsRecord(
                outcome.upToPosition(),
                outcome.eventsScanned(),
                outcome.totals().breaches(),
                outcome.totals().learnersAffected(),
                outcome.totals().attemptsRefused(),
                outcome.findingsDigest());
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest(field, field + " is required: a date, e.g. 2026-01-01");
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw ApiProblem.badRequest(field, field + " must lie between the years 1 and 9999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be a date (YYYY-MM-DD), e.g. 2026-01-01");
        }
    }

    /** "Had this rule applied since 2026-01-01, 37 attempts would have been refused." */
    static String statement(LocalDate since, RuleOutcome.Totals totals) {
        String found = totals.attemptsRefused() != null
                ? plural(totals.attemptsRefused(), "attempt") + " would have been refused"
                : plural(totals.breaches(), "breach") + " would have been found";
        return "Had this rule applied since " + since + ", " + found + " ("
                + plural(totals.learnersAffected(), "learner") + " affected).";
    }

    private static String plural(int count, String noun) {
        String plural = noun.endsWith("ch") ? noun + "es" : noun + "s";
        return count + " " + (count == 1 ? noun : plural);
    }
}
