package org.awardinghub.command.portfolio;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Snapshots;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.candidate.CandidateStaffDirectory;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceJudged.CriterionJudgement;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.SampleDecision;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A candidate's ePortfolio: evidence uploaded against units assessed by portfolio, the assessor's judgements of it
 * against the units' criteria, units signed off, and the IQA's sampling of sign-offs. Created by the first command
 * on it. Its identifier is {@link #idOf the candidate's id with a prefix}: an aggregate identifier is unique across
 * aggregate types in the event store, and the candidate id already names the Candidate.
 * <p>
 * A criterion counts as met when the latest judgement of it (on any evidence of the unit) met it; a send-back by
 * the IQA forgets every judgement of the unit, so it needs fresh ones before it can be signed off again.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.LONG_LIVED)
public class Portfolio {

    static final int DESCRIPTION_MAX_LENGTH = 2000;
    static final int FEEDBACK_MAX_LENGTH = 4000;
    static final int FILE_NAME_MAX_LENGTH = 255;

    @AggregateIdentifier
    private String portfolioId;

    private String candidateId;
    private String assessorUserId;
    private String iqaUserId;
    private final Map<String, Evidence> evidence = new HashMap<>();
    private final Map<String, UnitState> units = new HashMap<>();

    /** For Axon: rebuilds the portfolio from events, and is the blank instance a first command starts from. */
    protected Portfolio() {}

    public static String idOf(String candidateId) {
        return "portfolio-" + candidateId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(
            AssignAssessor command, CandidateDirectory candidates, UserDirectory users, CandidateStaffDirectory staff) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        UserAccount assessor = assignable(
                users,
                staff,
                candidate,
                command.assessorUserId(),
                "assessorUserId",
                Role.ASSESSOR,
                iqaUserId,
                "IQA",
                "assess");
        if (assessor.userId().equals(assessorUserId)) {
            return; // already the assessor: nothing to record
        }
        String reason = optional("reason", command.reason());
        apply(new AssessorAssigned(
                candidate.candidateId(),
                candidate.centreId(),
                qualification(candidates, candidate),
                assessor.userId(),
                assessor.pin(),
                assessorUserId,
                reason.isEmpty() ? null : reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AssignIqa command, CandidateDirectory candidates, UserDirectory users, CandidateStaffDirectory staff) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        UserAccount iqa = assignable(
                users,
                staff,
                candidate,
                command.iqaUserId(),
                "iqaUserId",
                Role.IQA,
                assessorUserId,
                "assessor",
                "quality-assure");
        if (iqa.userId().equals(iqaUserId)) {
            return;
        }
        apply(new IqaAssigned(
                candidate.candidateId(),
                candidate.centreId(),
                qualification(candidates, candidate),
                iqa.userId(),
                iqa.pin(),
                iqaUserId));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    EvidenceVersion handle(
            UploadEvidence command,
            CandidateDirectory candidates,
            UserDirectory users,
            QualificationDirectory catalogue,
            Clock clock) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        requireRegistered(candidate);
        UserAccount uploader = users.findById(String.valueOf(command.uploadedByUserId()))
                .filter(UserAccount::active)
                .orElseThrow(() -> new RuleViolation(
                        "Only the candidate's own account or their assessor can" + " upload evidence"));
        UploadedBy uploadedBy;
        if (candidate.candidateId().equals(uploader.candidateId())) {
            uploadedBy = UploadedBy.CANDIDATE;
        } else if (uploader.userId().equals(assessorUserId)) {
            uploadedBy = UploadedBy.ASSESSOR_ON_BEHALF;
        } else {
            throw new RuleViolation(
                    "Only the candidate's own account or their assigned assessor can upload" + " evidence");
        }
        String evidenceId;
        int version;
        if (command.replaces() != null) {
            Evidence replaced = evidence.get(command.replaces());
            if (replaced == null) {
                throw new InvalidCommand(
                        "replaces", "there is no evidence " + command.replaces() + " in this portfolio");
            }
            evidenceId = command.replaces();
            version = replaced.latestVersion + 1;
            if (command.unitCode() != null
                    && !replaced.unitCode.equals(command.unitCode().strip())) {
                throw new InvalidCommand(
                        "unitCode",
                        "a new version stays in the unit of evidence " + evidenceId + ": " + replaced.unitCode);
            }
        } else {
            evidenceId = Text.identifier("evidenceId", command.evidenceId());
            if (evidence.containsKey(evidenceId)) {
                throw new RuleViolation("Evidence " + evidenceId + " already exists");
            }
            version = 1;
        }
        String qualification = qualification(candidates, candidate);
        Map<String, List<String>> portfolioUnits = catalogue.portfolioUnits(qualification);
        String unitCode = command.unitCode() == null ? "" : command.unitCode().strip();
        List<String> unitCriteria = portfolioUnits.get(unitCode);
        if (unitCriteria == null) {
            throw new InvalidCommand(
                    "unitCode",
                    "unit " + unitCode + " is not assessed by portfolio on the"
                            + " candidate's qualification; portfolio units: "
                            + String.join(", ", portfolioUnits.keySet()));
        }
        requireNotSignedOff(unitCode, "take new evidence");
        List<String> criteria = criteria(command.criteria(), unitCode, unitCriteria);
        String description = Text.requiredLines("description", command.description(), DESCRIPTION_MAX_LENGTH);
        String fileName = Text.required("fileName", command.fileName(), FILE_NAME_MAX_LENGTH);
        String sha256 = command.sha256() == null ? "" : command.sha256();
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidCommand("sha256", "must be 64 lower-case hex digits");
        }
        String mediaType = Text.required("mediaType", command.mediaType(), FILE_NAME_MAX_LENGTH);
        if (command.size() <= 0) {
            throw new InvalidCommand("file", "the file is empty");
        }
        apply(new EvidenceUploaded(
                candidate.candidateId(),
                candidate.centreId(),
                qualification,
                evidenceId,
                version,
                unitCode,
                criteria,
                description,
                fileName,
                mediaType,
                command.size(),
                sha256,
                uploader.userId(),
                uploader.pin(),
                uploadedBy,
                now(clock)));
        return new EvidenceVersion(evidenceId, version);
    }

    @CommandHandler
    void handle(
            JudgeEvidence command,
            CandidateDirectory candidates,
            UserDirectory users,
            QualificationDirectory catalogue,
            Clock clock) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        UserAccount assessor = requireAssessor(users, command.assessorUserId(), "judge evidence");
        Evidence judged = evidence.get(command.evidenceId());
        if (judged == null) {
            throw new UnknownRecord("No evidence " + command.evidenceId() + " in this portfolio");
        }
        if (command.version() != null && command.version() != judged.latestVersion) {
            throw new RuleViolation("Version " + command.version() + " of evidence " + command.evidenceId()
                    + " was replaced; only its latest version " + judged.latestVersion + " can be judged");
        }
        requireNotSignedOff(judged.unitCode, "have evidence judged");
        List<String> unitCriteria =
                catalogue.portfolioUnits(qualification(candidates, candidate)).getOrDefault(judged.unitCode, List.of());
        if (command.criteria() == null || command.criteria().isEmpty()) {
            throw new InvalidCommand("criteria", "judge at least one criterion");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<CriterionJudgement> judgements = new ArrayList<>();
        for (int i = 0; i < command.criteria().size(); i++) {
            CriterionJudgement given = command.criteria().get(i);
            String code =
                    given == null || given.code() == null ? "" : given.code().strip();
            if (!unitCriteria.contains(code)) {
                throw new InvalidCommand(
                        "criteria[" + i + "].code",
                        "unit " + judged.unitCode + " has no criterion " + code + "; its criteria: "
                                + String.join(", ", unitCriteria));
            }
            if (!seen.add(code)) {
                throw new InvalidCommand("criteria[" + i + "].code", "criterion " + code + " is judged twice");
            }
            judgements.add(new CriterionJudgement(code, given.met()));
        }
        String feedback = optional("feedback", command.feedback());
        if (feedback.isEmpty() && judgements.stream().anyMatch(judgement -> !judgement.met())) {
            throw new InvalidCommand("feedback", "say what is missing when a criterion is not yet met");
        }
        apply(new EvidenceJudged(
                candidate.candidateId(),
                candidate.centreId(),
                judged.evidenceId,
                judged.latestVersion,
                judged.unitCode,
                judgements,
                feedback,
                assessor.userId(),
                assessor.pin(),
                now(clock)));
    }

    @CommandHandler
    boolean handle(
            SignOffUnit command,
            CandidateDirectory candidates,
            UserDirectory users,
            QualificationDirectory catalogue,
            PortfolioDirectory register,
            Clock clock) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        requireRegistered(candidate);
        UserAccount assessor = requireAssessor(users, command.assessorUserId(), "sign units off");
        String qualification = qualification(candidates, candidate);
        String unitCode = command.unitCode() == null ? "" : command.unitCode().strip();
        List<String> unitCriteria = catalogue.portfolioUnits(qualification).get(unitCode);
        if (unitCriteria == null) {
            throw new UnknownRecord(
                    "Unit " + unitCode + " is not assessed by portfolio on qualification " + qualification);
        }
        requireNotSignedOff(unitCode, "be signed off again");
        UnitState unit = units.getOrDefault(unitCode, new UnitState());
        List<String> unmet = unitCriteria.stream()
                .filter(code -> !Boolean.TRUE.equals(unit.met.get(code)))
                .toList();
        if (!unmet.isEmpty()) {
            throw new RuleViolation("Unit " + unitCode + " cannot be signed off: criteria " + String.join(", ", unmet)
                    + " are not met by a judgement" + (unit.sentBack ? " made since the IQA sent the unit back" : ""));
        }
        int signOffNumber = unit.signOffs + 1;
        SamplingRule rule = register.samplingRule(candidate.centreId(), assessor.userId(), unitCode);
        int earlierSignOffs = register.signOffsBy(assessor.userId());
        int percent = rule.percentFor(earlierSignOffs);
        boolean sampled = SamplingRule.drawn(candidate.candidateId(), unitCode, signOffNumber, percent);
        apply(new UnitSignedOff(
                candidate.candidateId(),
                candidate.centreId(),
                qualification,
                unitCode,
                assessor.userId(),
                assessor.pin(),
                earlierSignOffs + 1,
                percent,
                sampled,
                now(clock)));
        return sampled;
    }

    @CommandHandler
    void handle(DecideSample command, CandidateDirectory candidates, UserDirectory users, Clock clock) {
        CandidateEntry candidate = candidate(candidates, command.candidateId());
        if (iqaUserId == null || !iqaUserId.equals(command.iqaUserId())) {
            throw new RuleViolation("Only the candidate's assigned IQA can sample their units");
        }
        UserAccount iqa = users.findById(iqaUserId)
                .filter(UserAccount::active)
                .orElseThrow(() -> new RuleViolation("The candidate's IQA is no longer active"));
        String unitCode = command.unitCode() == null ? "" : command.unitCode().strip();
        UnitState unit = units.get(unitCode);
        if (unit == null || !unit.signedOff) {
            throw new RuleViolation("Unit " + unitCode + " is not signed off; only a signed-off unit is sampled");
        }
        if (!unit.sampled || unit.decision != null) {
            throw new RuleViolation("Unit " + unitCode + "'s sign-off is not awaiting a sample decision");
        }
        if (command.decision() == null) {
            throw new InvalidCommand("decision", "decision must be AGREED or SENT_BACK");
        }
        String feedback = optional("feedback", command.feedback());
        Instant now = now(clock);
        if (command.decision() == SampleDecision.AGREED) {
            apply(new UnitSampleAgreed(
                    candidate.candidateId(),
                    candidate.centreId(),
                    unitCode,
                    unit.assessorPin,
                    iqa.userId(),
                    iqa.pin(),
                    feedback,
                    now));
        } else {
            if (feedback.isEmpty()) {
                throw new InvalidCommand("feedback", "say why the unit is sent back");
            }
            apply(new UnitSentBack(
                    candidate.candidateId(),
                    candidate.centreId(),
                    unitCode,
                    unit.assessorPin,
                    iqa.userId(),
                    iqa.pin(),
                    feedback,
                    now));
        }
    }

    @EventSourcingHandler
    void on(AssessorAssigned event) {
        started(event.candidateId());
        assessorUserId = event.assessorUserId();
    }

    @EventSourcingHandler
    void on(IqaAssigned event) {
        started(event.candidateId());
        iqaUserId = event.iqaUserId();
    }

    @EventSourcingHandler
    void on(EvidenceUploaded event) {
        started(event.candidateId());
        Evidence uploaded = evidence.computeIfAbsent(event.evidenceId(), id -> new Evidence(id, event.unitCode()));
        uploaded.latestVersion = event.version();
    }

    @EventSourcingHandler
    void on(EvidenceJudged event) {
        UnitState unit = units.computeIfAbsent(event.unitCode(), code -> new UnitState());
        event.criteria().forEach(judgement -> unit.met.put(judgement.code(), judgement.met()));
    }

    @EventSourcingHandler
    void on(UnitSignedOff event) {
        UnitState unit = units.computeIfAbsent(event.unitCode(), code -> new UnitState());
        unit.signedOff = true;
        unit.sampled = event.sampled();
        unit.decision = null;
        unit.assessorPin = event.assessorPin();
        unit.signOffs++;
    }

    @EventSourcingHandler
    void on(UnitSampleAgreed event) {
        units.get(event.unitCode()).decision = SampleDecision.AGREED;
    }

    @EventSourcingHandler
    void on(UnitSentBack event) {
        UnitState unit = units.get(event.unitCode());
        unit.decision = SampleDecision.SENT_BACK;
        unit.signedOff = false;
        unit.sentBack = true;
        unit.met.clear();
    }

    private void started(String candidate) {
        portfolioId = idOf(candidate);
        candidateId = candidate;
    }

    private CandidateEntry candidate(CandidateDirectory candidates, String id) {
        String checked = Text.identifier("candidateId", id);
        if (candidateId != null && !candidateId.equals(checked)) {
            throw new IllegalStateException("portfolio " + portfolioId + " is not candidate " + checked + "'s");
        }
        return candidates.find(checked).orElseThrow(() -> new UnknownRecord("No candidate " + checked));
    }

    private static String qualification(CandidateDirectory candidates, CandidateEntry candidate) {
        return candidates.qualificationOf(candidate.candidateId()).orElseThrow();
    }

    private static void requireRegistered(CandidateEntry candidate) {
        if (candidate.status() != CandidateStatus.REGISTERED) {
            throw new RuleViolation("The candidate is " + candidate.status() + "; the portfolio of a REGISTERED"
                    + " candidate only can change");
        }
    }

    /**
     * The user who may take on {@code role} for the candidate: an active user of the candidate's centre holding
     * the role, not the candidate's {@code otherRole} ({@code otherHolder}: the assessor and the IQA are
     * different people) and never one who invigilated the candidate.
     */
    private static UserAccount assignable(
            UserDirectory users,
            CandidateStaffDirectory staff,
            CandidateEntry candidate,
            String userId,
            String field,
            Role role,
            String otherHolder,
            String otherRole,
            String work) {
        String id = Text.identifier(field, userId);
        UserAccount user = users.findById(id)
                .filter(found -> found.active()
                        && candidate.centreId().equals(found.centreId())
                        && found.roles().contains(role))
                .orElseThrow(() ->
                        new RuleViolation("User " + id + " is not an active " + role + " of the candidate's centre"));
        if (user.userId().equals(otherHolder)) {
            throw new RuleViolation(user.name() + " is the candidate's " + otherRole + "; the assessor and the IQA"
                    + " must be different people");
        }
        if (staff.invigilated(user.userId(), candidate.candidateId())) {
            throw new RuleViolation(user.name() + " invigilated an assessment of this candidate, and may not " + work
                    + " their portfolio");
        }
        return user;
    }

    /** Optional text of one or more lines: null or blank is none (""), otherwise trimmed and limited. */
    private static String optional(String field, String value) {
        return value == null || value.isBlank() ? "" : Text.requiredLines(field, value, FEEDBACK_MAX_LENGTH);
    }

    private UserAccount requireAssessor(UserDirectory users, String userId, String work) {
        if (assessorUserId == null || !assessorUserId.equals(userId)) {
            throw new RuleViolation("Only the candidate's assigned assessor can " + work);
        }
        return users.findById(assessorUserId)
                .filter(UserAccount::active)
                .orElseThrow(() -> new RuleViolation("The candidate's assessor is no longer active; assign another"));
    }

    private void requireNotSignedOff(String unitCode, String change) {
        UnitState unit = units.get(unitCode);
        if (unit != null && unit.signedOff) {
            throw new RuleViolation(
                    "Unit " + unitCode + " is signed off and cannot " + change + " unless the IQA sends it back");
        }
    }

    private static List<String> criteria(List<String> given, String unitCode, List<String> unitCriteria) {
        if (given == null || given.isEmpty()) {
            throw new InvalidCommand("criteria", "name at least one criterion of unit " + unitCode);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : given) {
            String stripped = code == null ? "" : code.strip();
            if (!unitCriteria.contains(stripped)) {
                throw new InvalidCommand(
                        "criteria",
                        "unit " + unitCode + " has no criterion " + stripped + "; its criteria: "
                                + String.join(", ", unitCriteria));
            }
            codes.add(stripped);
        }
        return List.copyOf(codes);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A piece of evidence: its unit and latest version. Equal by value, as Axon's fixture compares state. */
    private static final class Evidence {
        private final String evidenceId;
        private final String unitCode;
        private int latestVersion;

        Evidence(String evidenceId, String unitCode) {
            this.evidenceId = evidenceId;
            this.unitCode = unitCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Evidence that
                    && evidenceId.equals(that.evidenceId)
                    && unitCode.equals(that.unitCode)
                    && latestVersion == that.latestVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(evidenceId, unitCode, latestVersion);
        }
    }

    /** A unit's judgements since it was last sent back, and its sign-off. Equal by value. */
    private static final class UnitState {
        private final Map<String, Boolean> met = new HashMap<>();
        private boolean signedOff;
        private boolean sampled;
        private boolean sentBack;
        private SampleDecision decision;
        private String assessorPin;
        private int signOffs;

        @Override
        public boolean equals(Object other) {
            return other instanceof UnitState that
                    && met.equals(that.met)
                    && signedOff == that.signedOff
                    && sampled == that.sampled
                    && sentBack == that.sentBack
                    && decision == that.decision
                    && Objects.equals(assessorPin, that.assessorPin)
                    && signOffs == that.signOffs;
        }

        @Override
        public int hashCode() {
            return Objects.hash(met, signedOff, sampled, sentBack, decision, assessorPin, signOffs);
        }
    }
}
