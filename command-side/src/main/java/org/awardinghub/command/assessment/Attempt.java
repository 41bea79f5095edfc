package org.awardinghub.command.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.arrangement.Adjustments;
import org.awardinghub.command.arrangement.ArrangementDirectory;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.candidate.CandidateStaffDirectory;
import org.awardinghub.command.candidate.RegistrationNumbers;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.qualification.CatalogueCode;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One candidate's attempt at one assessment: opened by an invigilator, who hands over a one-time access key;
 * started by the candidate with it, when a form is drawn from the item bank; answered question by question (each
 * answer and each change is an event); submitted by the candidate or by the time limit, and marked at once against
 * the pass mark copied in when it opened. An unused key lapses; IMI can void the attempt, after which it counts
 * for nothing. Re-sit rules (one open attempt at a time, none after a pass, a wait after a fail) hold here.
 * <p>
 * Times come from the injected {@link Clock}, to the millisecond (as every store keeps them). The time limit and
 * the key's expiry are deadlines on the attempt; a command that makes one pointless cancels it, and each deadline
 * handler also checks the status, so one that fires late changes nothing.
 */
@Aggregate
public class Attempt {

    static final String KEY_EXPIRY = "attempt-key-expiry";
    static final String TIME_LIMIT = "attempt-time-limit";
    static final String PAUSE_LIMIT = "attempt-pause-limit";

    private static final SecureRandom SEEDS = new SecureRandom();

    @AggregateIdentifier
    private String attemptId;

    private String candidateId;
    private String registrationNumber;
    private String centreId;
    private String qualificationCode;
    private String assessmentCode;
    private AttemptStatus status;
    private int questionCount;
    private int durationMinutes;
    private int passPercent;
    private Instant keyValidUntil;
    private Instant startedAt;
    private Instant endsAt;
    private Instant submittedAt;
    private Outcome outcome;
    private int score;
    private int maxScore;
    /** The extra time the candidate's access arrangements give, in percent of the time limit (ADR 0153). */
    private int extraTimePercent;
    /** Set while an invigilator has the attempt paused: the clock stands still from here. */
    private Instant pausedAt;
    /**
     * Whether the candidate's approved access arrangements allow supervised rest breaks (ADR 0153), set when the
     * attempt starts; without them an invigilator's REST_BREAK pause is refused.
     */
    private boolean restBreaks;
    /** The form, by question id, in form order. */
    private final Map<String, FormQuestion> form = new LinkedHashMap<>();
    /** The last option chosen, by question id. */
    private final Map<String, String> answers = new HashMap<>();
    /** Every option chosen, by question id, in order, as bank indexes: marking classes each change by the key. */
    private final Map<String, List<Integer>> chosen = new HashMap<>();

    /** For Axon: rebuilds the attempt from events, and is the blank instance the creation handler starts from. */
    protected Attempt() {}

    /**
     * Answers the access key, in clear, the only time it is seen. A method with an ALWAYS creation policy, not a
     * constructor, because Axon answers a constructor handler with the aggregate id.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    OpenedAttempt handle(
            OpenAttempt command,
            CandidateDirectory candidates,
            CentreDirectory centres,
            UserDirectory users,
            ItemDirectory bank,
            AttemptDirectory register,
            AccessKeys keys,
            AssessmentPolicy policy,
            CandidateStaffDirectory staff,
            Clock clock,
            DeadlineManager deadlines,
            AttemptDeadlines pending) {
        String id = Text.identifier("attemptId", command.attemptId());
        String candidate = Text.identifier("candidateId", command.candidateId());
        String assessment = Text.required("assessmentCode", command.assessmentCode(), CatalogueCode.MAX_LENGTH);
        String invigilatorId = Text.identifier("invigilatorUserId", command.invigilatorUserId());
        Instant now = now(clock);

        CandidateEntry entry =
                candidates.find(candidate).orElseThrow(() -> new UnknownRecord("No candidate " + candidate));
        UserAccount invigilator = users.findById(invigilatorId)
                .filter(user -> user.active()
                        && user.roles().contains(Role.INVIGILATOR)
                        && entry.centreId().equals(user.centreId()))
                .orElseThrow(
                        () -> new RuleViolation("Only an invigilator of the candidate's centre can open an attempt"));
        if (staff.assessesOrAssures(invigilator.userId(), candidate)) {
            throw new RuleViolation("An invigilator may not invigilate a candidate they assess or quality-assure in"
                    + " the ePortfolio");
        }
        requireMaySit(entry.status());
        String qualification = candidates.qualificationOf(candidate).orElseThrow();
        AssessmentRules rules = bank.rules(assessment)
                .orElseThrow(() -> new InvalidCommand("assessmentCode", "there is no assessment " + assessment));
        if (!rules.qualificationCode().equals(qualification)) {
            throw new InvalidCommand(
                    "assessmentCode",
                    "assessment " + assessment + " is not part of the candidate's qualification " + qualification);
        }
        requireCentreMayAssess(centres, entry.centreId(), qualification);
        List<AttemptEntry> earlier = register.attemptsOf(candidate, assessment);
        requireResitAllowed(
                earlier,
                assessment,
                now,
                register.resitWaived(candidate, assessment) ? Duration.ZERO : policy.resitAfter());

        Instant validUntil = now.plus(policy.accessKeyValidFor());
        String accessKey = keys.issue(id, entry.registrationNumber(), validUntil);
        apply(new AttemptOpened(
                id,
                candidate,
                entry.registrationNumber(),
                entry.centreId(),
                qualification,
                assessment,
                register.attemptCount(candidate, assessment) + 1,
                rules.questionCount(),
                rules.durationMinutes(),
                rules.passPercent(),
                invigilator.userId(),
                invigilator.pin(),
                now,
                validUntil));
        pending.schedule(deadlines, id, KEY_EXPIRY, validUntil);
        return new OpenedAttempt(id, accessKey, validUntil);
    }

    /**
     * The candidate starts with their registration number and the key, which is used up here: every problem with
     * either is the same {@link AccessKeyRefused}. The key is checked before anything else is said; a refusal
     * after it rolls back with the command, leaving the key unused.
     */
    @CommandHandler
    StartedAttempt handle(
            StartAttempt command,
            CandidateDirectory candidates,
            ItemDirectory bank,
            AccessKeys keys,
            AttemptTokens tokens,
            AssessmentPolicy policy,
            ArrangementDirectory arrangements,
            Clock clock,
            DeadlineManager deadlines,
            AttemptDeadlines pending) {
        Instant now = now(clock);
        String number = AccessKeys.normalised(
                command.registrationNumber(), RegistrationNumbers.ALPHABET, RegistrationNumbers.LENGTH);
        if (status != AttemptStatus.OPENED
                || !registrationNumber.equals(number)
                || !now.isBefore(keyValidUntil)
                || !keys.redeem(attemptId, command.accessKey(), now)) {
            throw new AccessKeyRefused();
        }
        if (candidates.find(candidateId).map(CandidateEntry::status).orElse(null) == CandidateStatus.WITHDRAWN) {
            throw new RuleViolation("Candidate is WITHDRAWN; reinstate them before they sit an assessment");
        }
        long seed = SEEDS.nextLong();
        List<AttemptStarted.Question> questions = FormDraw.draw(bank.items(assessmentCode), questionCount, seed);
        Adjustments adjustments = arrangements.inForce(candidateId);
        Instant ends = now.plus(timeAllowed(durationMinutes, adjustments.extraTimePercent()));
        String token = tokens.issue(attemptId, ends.plus(policy.tokenGrace()));
        if (adjustments.any()) {
            apply(new AccessArrangementsApplied(
                    attemptId,
                    candidateId,
                    centreId,
                    adjustments.extraTimePercent(),
                    adjustments.restBreaks(),
                    adjustments.reader(),
                    adjustments.screenReader(),
                    adjustments.textSize(),
                    adjustments.colourScheme(),
                    adjustments.separateRoom(),
                    adjustments.arrangementIds()));
        }
        apply(new AttemptStarted(attemptId, candidateId, centreId, assessmentCode, now, ends, seed, questions));
        pending.cancel(deadlines, attemptId, KEY_EXPIRY);
        pending.schedule(deadlines, attemptId, TIME_LIMIT, ends);
        return new StartedAttempt(attemptId, token, ends, questions);
    }

    /** Choosing the option already chosen records nothing. */
    @CommandHandler
    void handle(AnswerQuestion command, Clock clock) {
        Instant now = now(clock);
        requireStarted("answers are closed");
        requireRunning("answers are closed until it resumes");
        if (!now.isBefore(endsAt)) {
            throw new RuleViolation("The time for this attempt ended at " + endsAt + "; answers are closed");
        }
        FormQuestion question = command.questionId() == null ? null : form.get(command.questionId());
        if (question == null) {
            throw new UnknownRecord("No question " + command.questionId() + " on this attempt's form");
        }
        String optionId =
                command.optionId() == null ? null : command.optionId().strip().toUpperCase(Locale.ROOT);
        if (optionId == null || !question.offers(optionId)) {
            throw new InvalidCommand("optionId", "optionId must be one of " + String.join(", ", question.optionIds()));
        }
        String previous = answers.get(question.questionId());
        if (optionId.equals(previous)) {
            return; // the same answer again: nothing to record
        }
        apply(new AnswerChosen(
                attemptId,
                candidateId,
                centreId,
                question.questionId(),
                question.itemId(),
                optionId,
                question.itemOptionOf(optionId),
                previous,
                now));
    }

    /**
     * Marked at once. Also after {@code endsAt} while the time limit has not yet fired: the answers were closed at
     * {@code endsAt}, so the result is the same, and it is recorded when it was asked for.
     */
    @CommandHandler
    AttemptResult handle(
            SubmitAttempt command,
            ItemDirectory bank,
            Clock clock,
            DeadlineManager deadlines,
            AttemptDeadlines pending) {
        Instant now = now(clock);
        requireStarted("it cannot be submitted");
        requireRunning("it cannot be submitted until it resumes");
        AttemptSubmitted submitted = marked(SubmittedBy.CANDIDATE, now, bank);
        apply(submitted);
        pending.cancel(deadlines, attemptId, TIME_LIMIT);
        return new AttemptResult(
                attemptId, submitted.score(), submitted.maxScore(), submitted.percent(), submitted.outcome());
    }

    @CommandHandler
    void handle(VoidAttempt command, DeadlineManager deadlines, AttemptDeadlines pending) {
        if (status != AttemptStatus.OPENED && status != AttemptStatus.STARTED && status != AttemptStatus.SUBMITTED) {
            throw new RuleViolation(
                    status == AttemptStatus.VOIDED
                            ? "The attempt is already VOIDED"
                            : "The attempt's access key expired unused at " + keyValidUntil
                                    + "; an EXPIRED attempt has nothing to void");
        }
        String reason = Reason.of(command);
        AttemptStatus previous = status;
        apply(new AttemptVoided(
                attemptId,
                candidateId,
                centreId,
                assessmentCode,
                previous,
                previous == AttemptStatus.SUBMITTED ? outcome : null,
                reason));
        if (previous == AttemptStatus.OPENED) {
            pending.cancel(deadlines, attemptId, KEY_EXPIRY);
        } else if (previous == AttemptStatus.STARTED) {
            pending.cancel(deadlines, attemptId, pausedAt == null ? TIME_LIMIT : PAUSE_LIMIT);
        }
    }

    /**
     * The invigilator pauses the running attempt: its time limit is cancelled, so the clock stands still; the
     * longest a pause may last is scheduled instead, and the attempt token lives on for as long as the pause and
     * the time left may take. Pausing a paused attempt is refused (409): whoever pressed second learns it is
     * already paused, and by whom is on the attempt's record.
     */
    @CommandHandler
    AttemptClock handle(
            PauseAttempt command,
            UserDirectory users,
            AttemptTokens tokens,
            AssessmentPolicy policy,
            Clock clock,
            DeadlineManager deadlines,
            AttemptDeadlines pending) {
        UserAccount invigilator = invigilatorOfCentre(users, command.invigilatorUserId(), "pause");
        if (command.kind() == null) {
            throw new InvalidCommand("kind", "kind must be one of REST_BREAK, EMERGENCY, OTHER");
        }
        String reason = Reason.of(command);
        Instant now = now(clock);
        requireStarted("it cannot be paused");
        if (pausedAt != null) {
            throw new RuleViolation("The attempt is already paused, since " + pausedAt);
        }
        if (!now.isBefore(endsAt)) {
            throw new RuleViolation("The time for this attempt ended at " + endsAt + "; it cannot be paused");
        }
        if (command.kind() == PauseKind.REST_BREAK && !restBreaks) {
            throw new RuleViolation("The candidate has no approved rest-break arrangement; pause for a rest break"
                    + " only a candidate whose access arrangements allow supervised rest breaks");
        }
        apply(new AttemptPaused(
                attemptId,
                candidateId,
                centreId,
                command.kind(),
                reason,
                invigilator.userId(),
                invigilator.pin(),
                now));
        pending.cancel(deadlines, attemptId, TIME_LIMIT);
        pending.schedule(deadlines, attemptId, PAUSE_LIMIT, now.plus(policy.maxPause()));
        tokens.extend(attemptId, endsAt.plus(policy.maxPause()).plus(policy.tokenGrace()));
        return new AttemptClock(attemptId, true, now, endsAt);
    }

    /**
     * The invigilator resumes the paused attempt: the end moves by the time it stood paused, and the time limit and
     * the token's expiry move with it. Resuming a running attempt is refused (409).
     */
    @CommandHandler
    AttemptClock handle(
            ResumeAttempt command,
            UserDirectory users,
            AttemptTokens tokens,
            AssessmentPolicy policy,
            Clock clock,
            DeadlineManager deadlines,
            AttemptDeadlines pending) {
        UserAccount invigilator = invigilatorOfCentre(users, command.invigilatorUserId(), "resume");
        Instant now = now(clock);
        requireStarted("it cannot be resumed");
        if (pausedAt == null) {
            throw new RuleViolation("The attempt is not paused; it is running until " + endsAt);
        }
        long pausedMillis = Math.max(0, Duration.between(pausedAt, now).toMillis());
        Instant ends = endsAt.plusMillis(pausedMillis);
        apply(new AttemptResumed(
                attemptId, candidateId, centreId, invigilator.userId(), invigilator.pin(), now, pausedMillis, ends));
        pending.cancel(deadlines, attemptId, PAUSE_LIMIT);
        pending.schedule(deadlines, attemptId, TIME_LIMIT, ends);
        tokens.extend(attemptId, ends.plus(policy.tokenGrace()));
        return new AttemptClock(attemptId, false, null, ends);
    }

    /**
     * The time is up: a still running attempt is submitted as it stands, at {@code endsAt}. The deadline's payload
     * is the attempt id, so that the scheduler's table says which attempt a deadline is for.
     */
    @DeadlineHandler(deadlineName = TIME_LIMIT)
    void timeLimitReached(String scheduledFor, ItemDirectory bank, AttemptDeadlines pending) {
        pending.fired(attemptId, TIME_LIMIT);
        // a limit that fires as a pause is made changes nothing: the resume schedules the moved one
        if (status == AttemptStatus.STARTED && pausedAt == null) {
            apply(marked(SubmittedBy.TIME_LIMIT, endsAt, bank));
        }
    }

    /**
     * A pause was never resumed: at the longest a pause may last, the attempt is submitted as it stood when paused
     * (no answer was taken since), by the time limit. Whether it should count is then a matter for special
     * consideration, on the invigilator's incident report (ADR 0154).
     */
    @DeadlineHandler(deadlineName = PAUSE_LIMIT)
    void pauseLimitReached(String scheduledFor, ItemDirectory bank, AssessmentPolicy policy, AttemptDeadlines pending) {
        pending.fired(attemptId, PAUSE_LIMIT);
        if (status == AttemptStatus.STARTED && pausedAt != null) {
            apply(marked(SubmittedBy.TIME_LIMIT, pausedAt.plus(policy.maxPause()), bank));
        }
    }

    /** The key lapsed: an attempt never started closes, with no result. */
    @DeadlineHandler(deadlineName = KEY_EXPIRY)
    void keyExpired(String scheduledFor, AttemptDeadlines pending) {
        pending.fired(attemptId, KEY_EXPIRY);
        if (status == AttemptStatus.OPENED) {
            apply(new AttemptKeyExpired(attemptId, candidateId, centreId, assessmentCode, keyValidUntil));
        }
    }

    @EventSourcingHandler
    void on(AttemptOpened event) {
        attemptId = event.attemptId();
        candidateId = event.candidateId();
        registrationNumber = event.registrationNumber();
        centreId = event.centreId();
        qualificationCode = event.qualificationCode();
        assessmentCode = event.assessmentCode();
        questionCount = event.questionCount();
        durationMinutes = event.durationMinutes();
        passPercent = event.passPercent();
        keyValidUntil = event.keyValidUntil();
        status = AttemptStatus.OPENED;
    }

    @EventSourcingHandler
    void on(AccessArrangementsApplied event) {
        extraTimePercent = event.extraTimePercent();
        restBreaks = event.restBreaks();
    }

    @EventSourcingHandler
    void on(AttemptStarted event) {
        startedAt = event.startedAt();
        endsAt = event.endsAt();
        event.questions().forEach(question -> form.put(question.questionId(), FormQuestion.of(question)));
        status = AttemptStatus.STARTED;
    }

    @EventSourcingHandler
    void on(AnswerChosen event) {
        answers.put(event.questionId(), event.optionId());
        chosen.computeIfAbsent(event.questionId(), question -> new ArrayList<>())
                .add(event.itemOption());
    }

    @EventSourcingHandler
    void on(AttemptPaused event) {
        pausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(AttemptResumed event) {
        pausedAt = null;
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(AttemptSubmitted event) {
        submittedAt = event.submittedAt();
        outcome = event.outcome();
        score = event.score();
        maxScore = event.maxScore();
        status = AttemptStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(AttemptKeyExpired event) {
        status = AttemptStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(AttemptVoided event) {
        status = AttemptStatus.VOIDED;
    }

    // Post-results reviews (issue 18, ADR 0156): the re-check and the corrected result.

    /**
     * A clerical re-check: the answers as submitted, marked again by {@link Marking} against the answer key and this
     * attempt's own pass mark (copied in when it opened, so a later change of pass mark does not reach it). Banks do
     * not change once published, so the key read now is the key in force when the attempt was taken. Records
     * nothing: the enquiry records what it found, and {@link ChangeAttemptOutcome} any correction.
     */
    ReMarked reMarked(ItemDirectory bank) {
        if (status != AttemptStatus.SUBMITTED) {
            throw new RuleViolation("The attempt is " + status + "; only a SUBMITTED attempt's result can be reviewed");
        }
        Marking.Result result = Marking.mark(
                List.copyOf(form.values()),
                answers,
                chosen,
                bank.answerKey(form.values().stream().map(FormQuestion::itemId).toList()),
                passPercent);
        return new ReMarked(
                attemptId, outcome, score, result.outcome(), result.score(), result.maxScore(), result.percent());
    }

    AttemptRecord record() {
        return new AttemptRecord(
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                status,
                outcome,
                score,
                maxScore,
                submittedAt);
    }

    /**
     * Corrects a submitted attempt's result after a re-check or an upheld appeal. The outcome must be the one the
     * attempt's pass mark gives for the score, so that a correction never contradicts itself; the same result again
     * records nothing.
     */
    @CommandHandler
    void handle(ChangeAttemptOutcome command) {
        if (status != AttemptStatus.SUBMITTED) {
            throw new RuleViolation("The attempt is " + status + "; only a SUBMITTED attempt's result can be changed");
        }
        String enquiry = Text.identifier("enquiryId", command.enquiryId());
        String reason = Reason.of(command);
        if (command.outcome() == null) {
            throw new InvalidCommand("outcome", "an outcome (PASS or FAIL) is required");
        }
        int newScore = Text.between("score", command.score(), 0, maxScore);
        Outcome expected = (long) newScore * 100 >= (long) passPercent * maxScore ? Outcome.PASS : Outcome.FAIL;
        if (command.outcome() != expected) {
            throw new InvalidCommand(
                    "outcome",
                    "a score of " + newScore + " out of " + maxScore + " against the pass mark of " + passPercent
                            + "% is a " + expected);
        }
        if (newScore == score && command.outcome() == outcome) {
            return; // the result already stands so: nothing to record
        }
        apply(new AttemptOutcomeChanged(
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                outcome,
                command.outcome(),
                score,
                newScore,
                Marking.percent(newScore, maxScore),
                reason,
                enquiry));
    }

    @EventSourcingHandler
    void on(AttemptOutcomeChanged event) {
        outcome = event.outcome();
        score = event.score();
    }

    /** The one place an attempt is marked, whoever submits it. */
    private AttemptSubmitted marked(SubmittedBy by, Instant at, ItemDirectory bank) {
        Marking.Result result = Marking.mark(
                List.copyOf(form.values()),
                answers,
                chosen,
                bank.answerKey(form.values().stream().map(FormQuestion::itemId).toList()),
                passPercent);
        return new AttemptSubmitted(
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                by,
                startedAt,
                endsAt,
                at,
                result.score(),
                result.maxScore(),
                result.percent(),
                passPercent,
                result.outcome(),
                result.marks(),
                result.answerChanges());
    }

    /** Refuses anything but a STARTED attempt, saying what it is instead and then {@code refusal}. */
    private void requireStarted(String refusal) {
        switch (status) {
            case STARTED -> {}
            case OPENED -> throw new RuleViolation("The attempt has not been started; " + refusal);
            case SUBMITTED -> throw new RuleViolation("The attempt was submitted at " + submittedAt + "; " + refusal);
            case EXPIRED ->
                throw new RuleViolation("The attempt's access key expired unused at " + keyValidUntil + "; " + refusal);
            case VOIDED -> throw new RuleViolation("The attempt was voided; " + refusal);
        }
    }

    /** Refuses a paused attempt, saying since when and then {@code refusal}. */
    private void requireRunning(String refusal) {
        if (pausedAt != null) {
            throw new RuleViolation("The attempt was paused by the invigilator at " + pausedAt + "; " + refusal);
        }
    }

    /** Only an active invigilator of the attempt's own centre pauses and resumes it. */
    private UserAccount invigilatorOfCentre(UserDirectory users, String userId, String action) {
        String invigilatorId = Text.identifier("invigilatorUserId", userId);
        return users.findById(invigilatorId)
                .filter(user ->
                        user.active() && user.roles().contains(Role.INVIGILATOR) && centreId.equals(user.centreId()))
                .orElseThrow(() -> new RuleViolation(
                        "Only an invigilator of the candidate's centre can " + action + " an attempt"));
    }

    private static void requireMaySit(CandidateStatus status) {
        if (status == CandidateStatus.WITHDRAWN) {
            throw new RuleViolation("Candidate is WITHDRAWN; reinstate them before they sit an assessment");
        }
        if (status == CandidateStatus.CERTIFICATED) {
            throw new RuleViolation("Candidate is CERTIFICATED; a certificated candidate sits no further assessments");
        }
    }

    /** Only an APPROVED centre under no sanction, still approved for the qualification, runs its assessments. */
    private static void requireCentreMayAssess(CentreDirectory centres, String centreId, String qualification) {
        CentreStatus centreStatus =
                centres.statusOf(centreId).orElseThrow(() -> new UnknownRecord("No centre " + centreId));
        if (centreStatus != CentreStatus.APPROVED) {
            throw new RuleViolation(
                    "The candidate's centre is " + centreStatus + "; only an APPROVED centre can run assessments");
        }
        Set<Sanction> sanctions = centres.sanctionsOn(centreId);
        if (!sanctions.isEmpty()) {
            throw new RuleViolation("The candidate's centre is under "
                    + sanctions.stream().map(Sanction::name).collect(Collectors.joining(" and "))
                    + (sanctions.size() == 1 ? " sanction" : " sanctions")
                    + "; it cannot run assessments until lifted");
        }
        if (!centres.approvedFor(centreId, qualification)) {
            throw new RuleViolation("The candidate's centre is no longer approved for qualification " + qualification
                    + "; it cannot run its assessments");
        }
    }

    /**
     * One open attempt at a time; none after a pass; after a fail, not before the policy's wait has passed since
     * the latest failed attempt was submitted. Voided attempts count for nothing either way, nor do expired ones.
     */
    private static void requireResitAllowed(
            List<AttemptEntry> earlier, String assessment, Instant now, Duration resitAfter) {
        for (AttemptEntry attempt : earlier) {
            if (attempt.status() == AttemptStatus.OPENED || attempt.status() == AttemptStatus.STARTED) {
                throw new RuleViolation("Candidate already has attempt " + attempt.attemptId() + " "
                        + attempt.status() + " on " + assessment + "; it must be submitted, expire or be voided"
                        + " before another opens");
            }
        }
        Optional<AttemptEntry> passed = earlier.stream()
                .filter(attempt -> attempt.status() == AttemptStatus.SUBMITTED && attempt.outcome() == Outcome.PASS)
                .findFirst();
        if (passed.isPresent()) {
            LocalDate on = LocalDate.ofInstant(passed.get().submittedAt(), ZoneOffset.UTC);
            throw new RuleViolation(
                    "Candidate passed " + assessment + " on " + on + "; there is no re-sit after a pass");
        }
        Optional<Instant> lastFail = earlier.stream()
                .filter(attempt -> attempt.status() == AttemptStatus.SUBMITTED && attempt.outcome() == Outcome.FAIL)
                .map(AttemptEntry::submittedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (lastFail.isPresent() && now.isBefore(lastFail.get().plus(resitAfter))) {
            throw new RuleViolation("Candidate failed " + assessment + " at " + lastFail.get()
                    + "; a re-sit may open from " + lastFail.get().plus(resitAfter));
        }
    }

    /**
     * The time limit with the extra time added, to the millisecond: 25 % of 45 minutes is 11 minutes 15 seconds, so
     * the candidate has 56 minutes 15 seconds.
     */
    static Duration timeAllowed(int durationMinutes, int extraTimePercent) {
        return Duration.ofMinutes(durationMinutes)
                .multipliedBy(100L + extraTimePercent)
                .dividedBy(100);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
