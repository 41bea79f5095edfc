package org.awardinghub.query.audit;

import static org.awardinghub.query.audit.AuditStory.candidate;
import static org.awardinghub.query.audit.AuditStory.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.portfolio.AssessorAssigned;

/**
 * A generated history of candidates, one story after another: registrations, portfolio assessors, attempts with
 * their answers and changes of answer, re-sits, voids, amendments and claims, most of them ordinary and some with a
 * breach planted, or a near miss beside one. Every attempt, re-sit and amendment is also written down here with the
 * facts a rule judges it by (the wait before a re-sit, the score and the time taken, when each correction came), so
 * that a test can say which ones any parameters should find, without asking the rules.
 */
final class RuleHistory {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    static final String ASSESSMENT = "LV2-THEORY";
    static final int QUESTIONS = 4;
    static final Duration ALLOWED = Duration.ofMinutes(60);
    static final String[] INVIGILATORS = {"20000001", "20000002", "20000003"};
    static final String[] ASSESSORS = {"30000001", "30000002", "30000003"};
    /** Assessors who invigilate too: of other candidates only, except where a breach is planted. */
    static final String[] BOTH = {"40000001", "40000002"};

    static final String COORDINATOR = "50000001";

    /** A story's kind: the ordinary ones, the planted breaches and the near misses beside them. */
    enum Kind {
        PASS,
        FAIL_THEN_RESIT,
        RESIT_SOON,
        RESIT_AT_THE_WAIT,
        RESIT_AFTER_VOIDED_FAIL,
        INVIGILATED_BY_OWN_ASSESSOR,
        INVIGILATED_BY_FORMER_ASSESSOR,
        INVIGILATOR_LATER_ASSESSOR,
        AMENDED_HOUR_AFTER_RESULT,
        AMENDED_DAYS_AFTER_CLAIM,
        FAST_FULL_MARKS,
        FAST_AT_THE_QUARTER,
        FAST_BUT_THREE_QUARTERS,
        LATE_CORRECTIONS,
        LATE_AND_EARLIER_CORRECTIONS,
        LATE_CORRECTION_UNDONE
    }

    record ReSit(String attemptId, int story, Duration afterFail, boolean failVoided) {}

    record Amendment(String eventId, int story, Duration afterFirstResult) {}

    /** An attempt: its score, time taken, and each correction that stuck by how long before the end time it came. */
    record Sitting(String attemptId, int story, double percent, Duration taken, List<Duration> correctionsBeforeEnd) {}

    record Conflict(String attemptId, int story) {}

    final AuditHistory history = new AuditHistory(START, Duration.ofSeconds(10));
    final List<ReSit> reSits = new ArrayList<>();
    final List<Amendment> amendments = new ArrayList<>();
    final List<Sitting> sittings = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    /** Each story's first event's time, and the last position before it. */
    final List<Instant> storyStarts = new ArrayList<>();

    final List<Long> storyStartPositions = new ArrayList<>();

    private final Random random;
    private int story;
    private int attempts;
    private Instant firstResult;

    /** {@code stories} stories: the planted kinds spread evenly among ordinary ones. */
    RuleHistory(int stories, long seed) {
        random = new Random(seed);
        Kind[] kinds = Kind.values();
        for (story = 0; story < stories; story++) {
            storyStarts.add(history.next());
            storyStartPositions.add((long) history.size());
            Kind kind = story % 4 == 3 ? kinds[2 + (story / 4) % (kinds.length - 2)] : kinds[story % 2];
            tell(kind);
        }
    }

    private void tell(Kind kind) {
        String candidate = "cand-" + story;
        String number = "R" + (100000 + story);
        String centre = "centre-" + story % 3;
        String assessor = ASSESSORS[story % ASSESSORS.length];
        String invigilator = INVIGILATORS[story % INVIGILATORS.length];
        firstResult = null;
        history.then(
                "Candidate",
                candidate,
                new CandidateRegistered(
                        candidate,
                        centre,
                        number,
                        "Ann",
                        "Lee",
                        LocalDate.of(2004, 2, 3),
                        null,
                        "LV2",
                        LocalDate.of(2026, 1, 5),
                        LocalDate.of(2026, 1, 5),
                        false,
                        false),
                staff(COORDINATOR, centre, null));
        if (random.nextInt(4) == 0) { // an ordinary amendment, before any result
            amend(candidate, centre);
        }
        switch (kind) {
            case INVIGILATED_BY_OWN_ASSESSOR, INVIGILATED_BY_FORMER_ASSESSOR -> assessor = BOTH[story % 2];
            default -> {}
        }
        assign(candidate, centre, assessor);
        switch (kind) {
            case PASS -> {
                sit(
                        candidate,
                        number,
                        centre,
                        invigilator,
                        3 + random.nextInt(2),
                        minutes(35 + random.nextInt(15)),
                        random.nextBoolean() ? List.of(Duration.ofMinutes(30)) : List.of(),
                        0);
                if (random.nextBoolean()) {
                    claim(candidate, number, centre);
                }
            }
            case FAIL_THEN_RESIT ->
                resit(
                        candidate,
                        number,
                        centre,
                        invigilator,
                        Duration.ofHours(49).plusMinutes(random.nextInt(31 * 60)),
                        false);
            case RESIT_SOON -> resit(candidate, number, centre, invigilator, Duration.ofHours(30), false);
            case RESIT_AT_THE_WAIT -> resit(candidate, number, centre, invigilator, Duration.ofHours(48), false);
            case RESIT_AFTER_VOIDED_FAIL -> resit(candidate, number, centre, invigilator, Duration.ofHours(10), true);
            case INVIGILATED_BY_OWN_ASSESSOR -> {
                String attemptId = sit(candidate, number, centre, assessor, 3, minutes(40), List.of(), 0);
                conflicts.add(new Conflict(attemptId, story));
            }
            case INVIGILATED_BY_FORMER_ASSESSOR -> {
                assign(candidate, centre, ASSESSORS[0]);
                sit(candidate, number, centre, assessor, 3, minutes(40), List.of(), 0);
            }
            case INVIGILATOR_LATER_ASSESSOR -> {
                sit(candidate, number, centre, BOTH[0], 3, minutes(40), List.of(), 0);
                assign(candidate, centre, BOTH[0]);
            }
            case AMENDED_HOUR_AFTER_RESULT -> {
                sit(candidate, number, centre, invigilator, 4, minutes(35), List.of(), 0);
                history.at(history.next().plus(Duration.ofHours(1)));
                amend(candidate, centre);
            }
            case AMENDED_DAYS_AFTER_CLAIM -> {
                sit(candidate, number, centre, invigilator, 4, minutes(35), List.of(), 0);
                claim(candidate, number, centre);
                history.at(history.next().plus(Duration.ofDays(3)));
                amend(candidate, centre);
            }
            case FAST_FULL_MARKS -> sit(candidate, number, centre, invigilator, 4, minutes(10), List.of(), 0);
            case FAST_AT_THE_QUARTER -> sit(candidate, number, centre, invigilator, 4, minutes(15), List.of(), 0);
            case FAST_BUT_THREE_QUARTERS -> sit(candidate, number, centre, invigilator, 3, minutes(6), List.of(), 0);
            case LATE_CORRECTIONS ->
                sit(candidate, number, centre, invigilator, 4, null, List.of(minutes(4), minutes(3), minutes(2)), 0);
            case LATE_AND_EARLIER_CORRECTIONS ->
                sit(candidate, number, centre, invigilator, 4, null, List.of(minutes(6), minutes(3), minutes(2)), 0);
            case LATE_CORRECTION_UNDONE ->
                sit(candidate, number, centre, invigilator, 3, null, List.of(minutes(3), minutes(2)), 1);
        }
        history.at(history.next().plus(Duration.ofHours(1 + random.nextInt(5))));
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    private void resit(
            String candidate, String number, String centre, String invigilator, Duration wait, boolean voidFail) {
        String failed = sit(
                candidate,
                number,
                centre,
                invigilator,
                random.nextInt(3),
                minutes(30 + random.nextInt(25)),
                List.of(),
                0);
        Instant failedAt = history.events().get(history.size() - 1).at();
        if (voidFail) {
            history.then(
                    "Attempt",
                    failed,
                    new AttemptVoided(
                            failed,
                            candidate,
                            centre,
                            ASSESSMENT,
                            AttemptStatus.SUBMITTED,
                            Outcome.FAIL,
                            "malpractice"),
                    staff("10000001", null, "malpractice"));
        }
        history.at(failedAt.plus(wait));
        String again = sit(candidate, number, centre, invigilator, 3, minutes(40), List.of(), 0);
        reSits.add(new ReSit(again, story, wait, voidFail));
    }

    private void assign(String candidate, String centre, String assessorPin) {
        history.then(
                "Portfolio",
                "portfolio-" + candidate,
                new AssessorAssigned(candidate, centre, "LV2", "user-" + assessorPin, assessorPin, null, null),
                staff(COORDINATOR, centre, null));
    }

    private void amend(String candidate, String centre) {
        history.then(
                "Candidate",
                candidate,
                new CandidateNameAmended(candidate, centre, "Ann", "Lee", "Anne", "Lee", "typing error"),
                staff(COORDINATOR, centre, "typing error"));
        Instant at = history.events().get(history.size() - 1).at();
        amendments.add(new Amendment(
                "event-" + history.size(), story, firstResult == null ? null : Duration.between(firstResult, at)));
    }

    private void claim(String candidate, String number, String centre) {
        history.then(
                "Claim",
                "claim-" + candidate,
                new CertificateClaimed(
                        "claim-" + candidate,
                        candidate,
                        number,
                        centre,
                        "LV2",
                        "Ann Lee",
                        true,
                        List.of(),
                        "user-" + COORDINATOR,
                        COORDINATOR,
                        history.next()),
                staff(COORDINATOR, centre, null));
    }

    /** One change of answer: at a time, on a question, from one option to another. */
    private record Change(Instant at, int question, String from, String to) {}

    /**
     * An attempt with {@code right} questions right at the end. The first {@code corrections.size()} questions are
     * answered wrong first and changed to the right option that long before the end time; the next {@code undone}
     * are changed to the right option late and then to another wrong one. Submitted {@code taken} after the start
     * (null: just after the last change).
     */
    private String sit(
            String candidate,
            String number,
            String centre,
            String invigilator,
            int right,
            Duration taken,
            List<Duration> corrections,
            int undone) {
        String attemptId = "attempt-" + (++attempts);
        history.then(
                "Attempt",
                attemptId,
                new AttemptOpened(
                        attemptId,
                        candidate,
                        number,
                        centre,
                        "LV2",
                        ASSESSMENT,
                        1,
                        QUESTIONS,
                        60,
                        75,
                        "user-" + invigilator,
                        invigilator,
                        history.next(),
                        history.next().plus(Duration.ofHours(2))),
                staff(invigilator, centre, null));
        Instant startedAt = history.next();
        Instant endsAt = startedAt.plus(ALLOWED);
        List<AttemptStarted.Question> questions = new ArrayList<>();
        for (int q = 1; q <= QUESTIONS; q++) {
            questions.add(new AttemptStarted.Question(
                    "Q" + q,
                    "item-" + q,
                    "Which one?",
                    List.of(
                            new AttemptStarted.Option("A", 0, "right"),
                            new AttemptStarted.Option("B", 1, "wrong"),
                            new AttemptStarted.Option("C", 2, "also wrong"))));
        }
        history.then(
                "Attempt",
                attemptId,
                new AttemptStarted(attemptId, candidate, centre, ASSESSMENT, startedAt, endsAt, 7L, questions),
                candidate(number));
        String[] answer = new String[QUESTIONS];
        int corrected = corrections.size();
        for (int q = 0; q < QUESTIONS; q++) {
            boolean firstWrong = q < corrected + undone || q >= right + undone;
            answer[q] = firstWrong ? "B" : "A";
            answer(attemptId, candidate, centre, number, q, answer[q], null, history.next());
        }
        List<Change> changes = new ArrayList<>();
        for (int q = 0; q < corrected; q++) {
            changes.add(new Change(endsAt.minus(corrections.get(q)), q, "B", "A"));
        }
        for (int q = corrected; q < corrected + undone; q++) {
            Instant at = endsAt.minus(minutes(4)).plusSeconds(30L * (q - corrected));
            changes.add(new Change(at, q, "B", "A"));
            changes.add(new Change(at.plusSeconds(15), q, "A", "C"));
        }
        changes.sort(Comparator.comparing(Change::at));
        for (Change change : changes) {
            history.at(change.at());
            answer(attemptId, candidate, centre, number, change.question(), change.to(), change.from(), change.at());
            answer[change.question()] = change.to();
        }
        Instant submittedAt = taken == null ? history.next() : startedAt.plus(taken);
        history.at(submittedAt);
        List<AttemptSubmitted.Mark> marks = new ArrayList<>();
        int score = 0;
        for (int q = 0; q < QUESTIONS; q++) {
            boolean correct = "A".equals(answer[q]);
            score += correct ? 1 : 0;
            marks.add(new AttemptSubmitted.Mark("Q" + (q + 1), "item-" + (q + 1), answer[q], 0, 3, correct));
        }
        double percent = score * 100.0 / QUESTIONS;
        history.then(
                "Attempt",
                attemptId,
                new AttemptSubmitted(
                        attemptId,
                        candidate,
                        centre,
                        "LV2",
                        ASSESSMENT,
                        SubmittedBy.CANDIDATE,
                        startedAt,
                        endsAt,
                        submittedAt,
                        score,
                        QUESTIONS,
                        percent,
                        75,
                        percent >= 75 ? Outcome.PASS : Outcome.FAIL,
                        marks,
                        new AttemptSubmitted.AnswerChanges(changes.size(), corrected + undone, undone, 0)),
                candidate(number));
        if (firstResult == null) {
            firstResult = submittedAt;
        }
        sittings.add(new Sitting(attemptId, story, percent, Duration.between(startedAt, submittedAt), corrections));
        return attemptId;
    }

    private void answer(
            String attemptId,
            String candidate,
            String centre,
            String number,
            int q,
            String option,
            String previous,
            Instant at) {
        history.then(
                "Attempt",
                attemptId,
                new AnswerChosen(
                        attemptId,
                        candidate,
                        centre,
                        "Q" + (q + 1),
                        "item-" + (q + 1),
                        option,
                        "ABC".indexOf(option),
                        previous,
                        at),
                candidate(number));
    }
}
