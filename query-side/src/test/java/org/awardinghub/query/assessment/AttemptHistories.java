package org.awardinghub.query.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStarted.Option;
import org.awardinghub.events.assessment.AttemptStarted.Question;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptSubmitted.Mark;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;

/**
 * Attempts at one assessment as the command side stores them: six attempts of three candidates at two centres.
 *
 * <pre>
 * a1  k1 at c1, attempt 1: opened, started, Q1 answered then changed, Q2 answered, Q3 left; submitted by the
 *     candidate: 1/3 FAIL
 * a3  k2 at c2, attempt 1: two answers, Q3 left; submitted by the time limit: 0/3 FAIL
 * a4  k3 at c2, attempt 1: all answered, submitted 2/3 PASS — then voided for malpractice
 * a2  k1 at c1, attempt 2 (re-sit): all answered, submitted 3/3 PASS
 * a5  k3 at c2, attempt 2: opened, the access key expired unused
 * a6  k2 at c2, attempt 2: started, one answer, voided before it was submitted (never marked)
 * </pre>
 *
 * The bank's items (answer key: i1 → option 2, i2 → 1, i3 → 0, i4 → 3; i3 has three options, the others four)
 * and the forms are below. Every command's metadata is as the API writes it: the invigilator's or IMI user's PIN,
 * the candidate's registration number, the client address.
 */
public final class AttemptHistories {

    static final Instant START = Instant.parse("2026-05-04T09:00:00Z");
    static final String ASSESSMENT = "LV01-MC";
    static final String QUALIFICATION = "LV3";
    static final int PASS_PERCENT = 60;

    static final String I1 = "LV01-MC-1";
    static final String I2 = "LV01-MC-2";
    static final String I3 = "LV01-MC-3";
    static final String I4 = "LV01-MC-4";
    static final Map<String, Integer> ANSWER_KEY = Map.of(I1, 2, I2, 1, I3, 0, I4, 3);
    static final Map<String, Integer> OPTION_COUNT = Map.of(I1, 4, I2, 4, I3, 3, I4, 4);

    static final String INVIGILATOR_C1 = "20000001";
    static final String INVIGILATOR_C2 = "20000002";
    static final String IMI_ADMIN = "90000001";
    static final String VOID_REASON = "malpractice: notes found";

    /** a1's form: Q1 draws i2, Q2 i1, Q3 i3; each question's options shuffled. */
    static final List<Question> FORM_A1 =
            List.of(question("Q1", I2, 1, 0, 3, 2), question("Q2", I1, 3, 2, 1, 0), question("Q3", I3, 2, 0, 1));

    static final List<Question> FORM_A2 =
            List.of(question("Q1", I3, 0, 1, 2), question("Q2", I1, 0, 1, 2, 3), question("Q3", I2, 2, 3, 0, 1));
    static final List<Question> FORM_A3 =
            List.of(question("Q1", I1, 1, 3, 0, 2), question("Q2", I2, 0, 1, 2, 3), question("Q3", I4, 3, 1, 2, 0));
    static final List<Question> FORM_A4 =
            List.of(question("Q1", I1, 2, 1, 0, 3), question("Q2", I2, 3, 2, 1, 0), question("Q3", I3, 1, 2, 0));
    static final List<Question> FORM_A6 =
            List.of(question("Q1", I4, 0, 1, 2, 3), question("Q2", I2, 1, 0, 3, 2), question("Q3", I3, 2, 1, 0));

    private AttemptHistories() {}

    /** Every attempt event, several of each kind, interleaved across attempts as they would be in the store. */
    public static List<Recorded> everyEvent() {
        History history = new History(START);
        opened(history, "a1", "k1", "Q7M2K9XA", "c1", 1, INVIGILATOR_C1, at(0));
        opened(history, "a3", "k2", "B4N8R3TZ", "c2", 1, INVIGILATOR_C2, at(1));
        started(history, "a1", "k1", "Q7M2K9XA", "c1", 42, FORM_A1, at(5));
        answered(history, "a1", "k1", "Q7M2K9XA", "c1", FORM_A1.get(0), 1, null, at(6));
        started(history, "a3", "k2", "B4N8R3TZ", "c2", 7, FORM_A3, at(6));
        answered(history, "a1", "k1", "Q7M2K9XA", "c1", FORM_A1.get(0), 0, 1, at(8));
        answered(history, "a1", "k1", "Q7M2K9XA", "c1", FORM_A1.get(1), 2, null, at(9));
        answered(history, "a3", "k2", "B4N8R3TZ", "c2", FORM_A3.get(0), 3, null, at(10));
        answered(history, "a3", "k2", "B4N8R3TZ", "c2", FORM_A3.get(1), 0, null, at(11));
        submitted(
                history,
                "a1",
                "k1",
                "Q7M2K9XA",
                "c1",
                SubmittedBy.CANDIDATE,
                at(5),
                at(20),
                FORM_A1,
                chosen(0, 2, null));
        submitted(
                history,
                "a3",
                "k2",
                "B4N8R3TZ",
                "c2",
                SubmittedBy.TIME_LIMIT,
                at(6),
                at(36),
                FORM_A3,
                chosen(3, 0, null));
        opened(history, "a4", "k3", "H6W9P2DC", "c2", 1, INVIGILATOR_C2, at(40));
        started(history, "a4", "k3", "H6W9P2DC", "c2", 99, FORM_A4, at(41));
        answered(history, "a4", "k3", "H6W9P2DC", "c2", FORM_A4.get(0), 2, null, at(42));
        answered(history, "a4", "k3", "H6W9P2DC", "c2", FORM_A4.get(1), 2, null, at(43));
        answered(history, "a4", "k3", "H6W9P2DC", "c2", FORM_A4.get(2), 0, null, at(44));
        submitted(
                history, "a4", "k3", "H6W9P2DC", "c2", SubmittedBy.CANDIDATE, at(41), at(50), FORM_A4, chosen(2, 2, 0));
        opened(history, "a2", "k1", "Q7M2K9XA", "c1", 2, INVIGILATOR_C1, at(60));
        started(history, "a2", "k1", "Q7M2K9XA", "c1", 1234567890123L, FORM_A2, at(61));
        answered(history, "a2", "k1", "Q7M2K9XA", "c1", FORM_A2.get(0), 0, null, at(62));
        answered(history, "a2", "k1", "Q7M2K9XA", "c1", FORM_A2.get(1), 2, null, at(63));
        answered(history, "a2", "k1", "Q7M2K9XA", "c1", FORM_A2.get(2), 1, null, at(64));
        submitted(
                history, "a2", "k1", "Q7M2K9XA", "c1", SubmittedBy.CANDIDATE, at(61), at(70), FORM_A2, chosen(0, 2, 1));
        history.then(
                "a4",
                new AttemptVoided("a4", "k3", "c2", ASSESSMENT, AttemptStatus.SUBMITTED, Outcome.PASS, VOID_REASON),
                imi(VOID_REASON));
        opened(history, "a5", "k3", "H6W9P2DC", "c2", 2, INVIGILATOR_C2, at(80));
        history.then("a5", new AttemptKeyExpired("a5", "k3", "c2", ASSESSMENT, at(80 + 24 * 60)), system());
        opened(history, "a6", "k2", "B4N8R3TZ", "c2", 2, INVIGILATOR_C2, at(90));
        started(history, "a6", "k2", "B4N8R3TZ", "c2", 5, FORM_A6, at(91));
        answered(history, "a6", "k2", "B4N8R3TZ", "c2", FORM_A6.get(0), 3, null, at(92));
        history.then(
                "a6",
                new AttemptVoided("a6", "k2", "c2", ASSESSMENT, AttemptStatus.STARTED, null, "fire alarm"),
                imi("fire alarm"));
        return history.events();
    }

    /** The same history without some events (keeping each remaining event's sequence and position). */
    static List<Recorded> without(Predicate<Recorded> left) {
        return everyEvent().stream().filter(left.negate()).toList();
    }

    static boolean isPayload(Recorded event, Class<?> type, String attemptId) {
        return type.isInstance(event.payload()) && event.aggregateId().equals(attemptId);
    }

    static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    /** {@code order[k]} is the bank option shown at letter k. */
    static Question question(String questionId, String itemId, int... order) {
        List<Option> options = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            options.add(new Option(letter(k), order[k], "Choice " + (order[k] + 1) + " on " + topic(itemId)));
        }
        return new Question(questionId, itemId, "Which is right about " + topic(itemId) + "?", options);
    }

    /** The letter under which the question shows a bank option. */
    static String letterOf(Question question, int itemOption) {
        return question.options().stream()
                .filter(option -> option.itemOption() == itemOption)
                .findFirst()
                .orElseThrow()
                .optionId();
    }

    /** An invigilator at their centre's desk: 10.0.0.1 for the first centre's, 10.0.0.2 for the second's. */
    static Map<String, Object> invigilator(String pin) {
        return Map.of(
                AuditMetadata.ACTOR_PIN,
                pin,
                AuditMetadata.ACTOR_USER_ID,
                "u-" + pin,
                AuditMetadata.CLIENT_ADDRESS,
                "10.0.0." + pin.charAt(pin.length() - 1));
    }

    /** Where each candidate sat: the client address the API records for their requests. */
    static final Map<String, String> CANDIDATE_ADDRESS =
            Map.of("Q7M2K9XA", "192.0.2.11", "B4N8R3TZ", "192.0.2.12", "H6W9P2DC", "192.0.2.13");

    static Map<String, Object> candidate(String registrationNumber) {
        return Map.of(
                AuditMetadata.ACTOR_REGISTRATION_NUMBER,
                registrationNumber,
                AuditMetadata.CLIENT_ADDRESS,
                CANDIDATE_ADDRESS.get(registrationNumber));
    }

    static Map<String, Object> imi(String reason) {
        return Map.of(
                AuditMetadata.ACTOR_PIN,
                IMI_ADMIN,
                AuditMetadata.ACTOR_USER_ID,
                "u-imi",
                AuditMetadata.REASON,
                reason,
                AuditMetadata.CLIENT_ADDRESS,
                "198.51.100.7");
    }

    static Map<String, Object> system() {
        return Map.of(AuditMetadata.ACTOR_USER_ID, AuditMetadata.SYSTEM_ACTOR);
    }

    static AttemptOpened openedEvent(
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            int attemptNumber,
            String invigilatorPin,
            Instant openedAt) {
        return new AttemptOpened(
                attemptId,
                candidateId,
                registrationNumber,
                centreId,
                QUALIFICATION,
                ASSESSMENT,
                attemptNumber,
                3,
                30,
                PASS_PERCENT,
                "u-" + invigilatorPin,
                invigilatorPin,
                openedAt,
                openedAt.plus(Duration.ofDays(1)));
    }

    /** The marks and score the command side gives for the bank options chosen per question (null: none). */
    static AttemptSubmitted submittedEvent(
            String attemptId,
            String candidateId,
            String centreId,
            SubmittedBy by,
            Instant startedAt,
            Instant submittedAt,
            List<Question> form,
            List<Integer> chosen) {
        List<Mark> marks = new ArrayList<>();
        int score = 0;
        for (int i = 0; i < form.size(); i++) {
            Question question = form.get(i);
            Integer option = chosen.get(i);
            boolean correct = option != null && option.equals(ANSWER_KEY.get(question.itemId()));
            score += correct ? 1 : 0;
            marks.add(new Mark(
                    question.questionId(),
                    question.itemId(),
                    option == null ? null : letterOf(question, option),
                    option,
                    OPTION_COUNT.get(question.itemId()),
                    correct));
        }
        int maxScore = form.size();
        Outcome outcome = score * 100 >= PASS_PERCENT * maxScore ? Outcome.PASS : Outcome.FAIL;
        return new AttemptSubmitted(
                attemptId,
                candidateId,
                centreId,
                QUALIFICATION,
                ASSESSMENT,
                by,
                startedAt,
                startedAt.plus(Duration.ofMinutes(30)),
                submittedAt,
                score,
                maxScore,
                score * 100.0 / maxScore,
                PASS_PERCENT,
                outcome,
                marks,
                AttemptSubmitted.AnswerChanges.NONE);
    }

    private static void opened(
            History history,
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            int attemptNumber,
            String invigilatorPin,
            Instant openedAt) {
        history.then(
                attemptId,
                openedEvent(
                        attemptId, candidateId, registrationNumber, centreId, attemptNumber, invigilatorPin, openedAt),
                invigilator(invigilatorPin));
    }

    private static void started(
            History history,
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            long seed,
            List<Question> form,
            Instant startedAt) {
        history.then(
                attemptId,
                new AttemptStarted(
                        attemptId,
                        candidateId,
                        centreId,
                        ASSESSMENT,
                        startedAt,
                        startedAt.plus(Duration.ofMinutes(30)),
                        seed,
                        form),
                candidate(registrationNumber));
    }

    private static void answered(
            History history,
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            Question question,
            int itemOption,
            Integer previousItemOption,
            Instant answeredAt) {
        history.then(
                attemptId,
                new AnswerChosen(
                        attemptId,
                        candidateId,
                        centreId,
                        question.questionId(),
                        question.itemId(),
                        letterOf(question, itemOption),
                        itemOption,
                        previousItemOption == null ? null : letterOf(question, previousItemOption),
                        answeredAt),
                candidate(registrationNumber));
    }

    private static void submitted(
            History history,
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            SubmittedBy by,
            Instant startedAt,
            Instant submittedAt,
            List<Question> form,
            List<Integer> chosen) {
        history.then(
                attemptId,
                submittedEvent(attemptId, candidateId, centreId, by, startedAt, submittedAt, form, chosen),
                by == SubmittedBy.TIME_LIMIT ? system() : candidate(registrationNumber));
    }

    private static List<Integer> chosen(Integer... itemOptions) {
        return Arrays.asList(itemOptions);
    }

    /** What the candidate reads: never the item id. */
    private static String topic(String itemId) {
        return Map.of(I1, "tread depth", I2, "brake fluid", I3, "torque", I4, "coolant")
                .get(itemId);
    }

    private static String letter(int k) {
        return String.valueOf((char) ('A' + k));
    }
}
