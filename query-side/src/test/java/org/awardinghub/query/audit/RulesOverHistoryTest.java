package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.awardinghub.query.audit.RuleHistory.Kind;
import org.awardinghub.query.audit.rules.Breach;
import org.awardinghub.query.audit.rules.Rule;
import org.awardinghub.query.audit.rules.RuleEngine;
import org.awardinghub.query.audit.rules.RuleLibrary;
import org.awardinghub.query.audit.rules.RuleOutcome;
import org.awardinghub.query.audit.rules.RuleParameters;
import org.awardinghub.query.audit.rules.RuleRefused;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every ready-made rule over a generated history of 300 candidates (thousands of events, through the audit
 * projection) finds exactly the breaches planted in it: none missed, none more, whatever the parameters, the window
 * or the position run up to. What each rule should find is worked out from the facts the history was generated
 * from ({@link RuleHistory}), not by asking the rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesOverHistoryTest {

    private static final int STORIES = 300;
    private static final long HOUR = 3_600_000L;

    private RuleHistory generated;
    private AuditStore store;
    private RuleEngine engine;
    private long head;

    @BeforeAll
    void generatedHistoryInTheAuditLog() {
        generated = new RuleHistory(STORIES, 20);
        store = new AuditStore();
        store.deliverInBatches(
                generated.history.events().stream()
                        .map(AuditHistory.Stored::tracked)
                        .toList(),
                200);
        engine = new RuleEngine(store.jdbc);
        head = store.log.head().orElseThrow().position();
    }

    @AfterAll
    void close() {
        store.close();
    }

    private RuleOutcome run(String rule, Map<String, ?> parameters) {
        return run(rule, parameters, null, null, head);
    }

    private RuleOutcome run(String rule, Map<String, ?> parameters, Instant from, Instant to, long upTo) {
        Rule found = RuleLibrary.rule(rule).orElseThrow();
        return engine.run(found, RuleParameters.of(found, parameters), from, to, upTo);
    }

    private static Set<String> attempts(RuleOutcome outcome) {
        return outcome.breaches().stream().map(Breach::attemptId).collect(Collectors.toSet());
    }

    /** The stories of a kind: where the breaches are planted. */
    private Set<Integer> storiesOf(Kind kind) {
        Kind[] kinds = Kind.values();
        return java.util.stream.IntStream.range(0, STORIES)
                .filter(story -> story % 4 == 3 && kinds[2 + (story / 4) % (kinds.length - 2)] == kind)
                .boxed()
                .collect(Collectors.toSet());
    }

    private Set<String> reSitsWithin(long hours, IntPredicate stories) {
        return generated.reSits.stream()
                .filter(resit -> stories.test(resit.story()))
                .filter(resit -> !resit.failVoided() && resit.afterFail().toMillis() < hours * HOUR)
                .map(RuleHistory.ReSit::attemptId)
                .collect(Collectors.toSet());
    }

    private Set<String> fast(double percent, double fraction, IntPredicate stories) {
        return generated.sittings.stream()
                .filter(sitting -> stories.test(sitting.story()))
                .filter(sitting -> sitting.percent() >= percent
                        && sitting.taken().toMillis() < fraction * RuleHistory.ALLOWED.toMillis())
                .map(RuleHistory.Sitting::attemptId)
                .collect(Collectors.toSet());
    }

    private Set<String> lateCorrections(int changes, int minutes) {
        return generated.sittings.stream()
                .filter(sitting -> sitting.correctionsBeforeEnd().stream()
                                .filter(before -> before.compareTo(Duration.ofMinutes(minutes)) <= 0)
                                .count()
                        >= changes)
                .map(RuleHistory.Sitting::attemptId)
                .collect(Collectors.toSet());
    }

    private Set<String> amendmentsAfter(long graceHours) {
        return generated.amendments.stream()
                .filter(amendment -> amendment.afterFirstResult() != null
                        && amendment.afterFirstResult().toMillis() >= graceHours * HOUR)
                .map(RuleHistory.Amendment::eventId)
                .collect(Collectors.toSet());
    }

    @Nested
    class ResitSoonAfterFail {

        @Test
        void givenPlantedResitsWithin48Hours_whenRun_thenExactlyThoseWithTheFailAndTheOpeningAsEvidence() {
            RuleOutcome outcome = run("resit-after-fail", Map.of());

            Set<String> planted = reSitsWithin(48, storiesOf(Kind.RESIT_SOON)::contains);
            assertThat(planted).hasSizeGreaterThanOrEqualTo(5);
            assertThat(reSitsWithin(48, story -> true))
                    .as("nothing but the planted ones")
                    .isEqualTo(planted);
            assertThat(attempts(outcome)).isEqualTo(planted);
            assertThat(outcome.totals().attemptsRefused()).isEqualTo(planted.size());
            assertThat(outcome.parameters()).containsExactly(Map.entry("hours", 48L));
            Breach breach = outcome.breaches().get(0);
            assertThat(breach.events())
                    .extracting(Breach.ProvingEvent::eventType)
                    .containsExactly("AttemptSubmitted", "AttemptOpened");
            assertThat(breach.events())
                    .allSatisfy(event -> assertThat(event.chainHash()).hasSize(64));
            assertThat(breach.events().get(1).recordId()).isEqualTo(breach.attemptId());
            assertThat(breach.people()).singleElement().satisfies(person -> {
                assertThat(person.pin()).isIn((Object[]) RuleHistory.INVIGILATORS);
                assertThat(person.userId()).isEqualTo("user-" + person.pin());
            });
            assertThat(breach.learners())
                    .singleElement()
                    .satisfies(learner -> assertThat(learner.registrationNumber())
                            .isEqualTo("R"
                                    + (100000
                                            + Integer.parseInt(
                                                    learner.candidateId().substring(5)))));
            assertThat(breach.summary()).contains("1 d 6 h after", "within 48 h");
        }

        @Test
        void givenAWaitOf72HoursProposed_whenRun_thenAlsoTheOrdinaryResitsBefore72HoursButNeverAfterAVoidedFail() {
            Set<String> expected = reSitsWithin(72, story -> true);

            assertThat(expected)
                    .hasSizeGreaterThan(reSitsWithin(48, story -> true).size() + 5);
            assertThat(attempts(run("resit-after-fail", Map.of("hours", 72)))).isEqualTo(expected);
            assertThat(attempts(run("resit-after-fail", Map.of("hours", "49")))).isEqualTo(reSitsWithin(49, s -> true));
        }

        @Test
        void givenAWindow_whenRun_thenOnlyTheBreachesWhoseEventsAllLieInIt() {
            int first = 60;
            int last = 200;
            Instant from = generated.storyStarts.get(first);
            Instant to = generated.storyStarts.get(last);

            RuleOutcome outcome = run("resit-after-fail", Map.of("hours", 72), from, to, head);

            Set<String> expected = reSitsWithin(72, story -> story >= first && story < last);
            assertThat(expected).isNotEmpty().isNotEqualTo(reSitsWithin(72, story -> true));
            assertThat(attempts(outcome)).isEqualTo(expected);
            assertThat(outcome.from()).isEqualTo(from);
            long inWindow = generated.history.events().stream()
                    .filter(event -> !event.at().isBefore(from) && event.at().isBefore(to))
                    .filter(event -> RuleLibrary.rule("resit-after-fail")
                            .orElseThrow()
                            .eventTypes()
                            .contains(event.payload().getClass().getSimpleName()))
                    .count();
            assertThat(outcome.eventsScanned()).isEqualTo(inWindow);
        }

        @Test
        void givenAnEarlierPosition_whenRunUpToIt_thenOnlyWhatWasLoggedByThenAndTheSameDigestEveryTime() {
            int before = 150;
            long upTo = generated.storyStartPositions.get(before);

            RuleOutcome outcome = run("resit-after-fail", Map.of(), null, null, upTo);
            RuleOutcome again = run("resit-after-fail", Map.of(), null, null, upTo);

            assertThat(attempts(outcome)).isEqualTo(reSitsWithin(48, story -> story < before));
            assertThat(outcome.upToPosition()).isEqualTo(upTo);
            assertThat(again.findingsDigest())
                    .isEqualTo(outcome.findingsDigest())
                    .hasSize(64);
            assertThat(run("resit-after-fail", Map.of()).findingsDigest()).isNotEqualTo(outcome.findingsDigest());
        }
    }

    @Nested
    class InvigilatorIsAssessor {

        @Test
        void givenAttemptsInvigilatedByTheCandidatesOwnAssessor_whenRun_thenExactlyThoseNotAFormerOrLaterAssessor() {
            RuleOutcome outcome = run("invigilator-is-assessor", Map.of());

            Set<String> planted = generated.conflicts.stream()
                    .map(RuleHistory.Conflict::attemptId)
                    .collect(Collectors.toSet());
            assertThat(planted).hasSizeGreaterThanOrEqualTo(5);
            assertThat(storiesOf(Kind.INVIGILATED_BY_FORMER_ASSESSOR)).isNotEmpty();
            assertThat(storiesOf(Kind.INVIGILATOR_LATER_ASSESSOR)).isNotEmpty();
            assertThat(attempts(outcome)).isEqualTo(planted);
            assertThat(outcome.breaches()).allSatisfy(breach -> {
                assertThat(breach.events())
                        .extracting(Breach.ProvingEvent::eventType)
                        .containsExactly("AssessorAssigned", "AttemptOpened");
                assertThat(breach.people())
                        .singleElement()
                        .satisfies(person -> assertThat(person.pin()).isIn((Object[]) RuleHistory.BOTH));
            });
        }
    }

    @Nested
    class AmendmentAfterResult {

        @Test
        void givenAmendmentsAfterAResultOrClaim_whenRun_thenExactlyThoseAndNotTheOnesBeforeAnyResult() {
            RuleOutcome outcome = run("amendment-after-result", Map.of());

            Set<String> expected = amendmentsAfter(0);
            assertThat(expected)
                    .hasSize(storiesOf(Kind.AMENDED_HOUR_AFTER_RESULT).size()
                            + storiesOf(Kind.AMENDED_DAYS_AFTER_CLAIM).size());
            assertThat(generated.amendments).hasSizeGreaterThan(expected.size() + 20);
            assertThat(outcome.breaches().stream()
                            .map(breach -> breach.events().get(1).eventId()))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(outcome.totals().attemptsRefused())
                    .as("not about attempts")
                    .isNull();
            assertThat(outcome.breaches()).allSatisfy(breach -> {
                assertThat(breach.people()).singleElement().satisfies(person -> {
                    assertThat(person.pin()).isEqualTo(RuleHistory.COORDINATOR);
                    assertThat(person.role()).isEqualTo("amended");
                });
                assertThat(breach.learners().get(0).registrationNumber()).startsWith("R1");
            });
            assertThat(outcome.totals().learnersAffected()).isEqualTo(expected.size());
        }

        @Test
        void givenGraceOf24Hours_whenRun_thenOnlyTheAmendmentsDaysLater() {
            Set<String> expected = amendmentsAfter(24);

            assertThat(expected)
                    .hasSize(storiesOf(Kind.AMENDED_DAYS_AFTER_CLAIM).size());
            assertThat(run("amendment-after-result", Map.of("graceHours", 24)).breaches().stream()
                            .map(breach -> breach.events().get(1).eventId()))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Nested
    class FastHighScore {

        @Test
        void givenFullMarksInASixthOfTheTime_whenRun_thenExactlyThoseNotAtTheQuarterNorThreeQuarters() {
            Set<String> planted = fast(90, 0.25, storiesOf(Kind.FAST_FULL_MARKS)::contains);

            assertThat(planted).hasSizeGreaterThanOrEqualTo(5);
            assertThat(fast(90, 0.25, story -> true)).isEqualTo(planted);
            assertThat(attempts(run("fast-high-score", Map.of()))).isEqualTo(planted);
        }

        @Test
        void givenLowerThresholds_whenRun_thenTheNearMissesToo() {
            Set<String> expected = fast(75, 0.3, story -> true);

            assertThat(expected)
                    .containsAll(fast(90, 0.25, story -> true))
                    .hasSizeGreaterThan(fast(90, 0.25, story -> true).size() + 5);
            assertThat(attempts(run("fast-high-score", Map.of("percent", 75, "timeFraction", 0.3))))
                    .isEqualTo(expected);
        }

        @Test
        void givenAWindow_whenRun_thenOnlyTheAttemptsInIt() {
            Instant from = generated.storyStarts.get(100);
            Instant to = generated.storyStarts.get(250);

            assertThat(attempts(run("fast-high-score", Map.of(), from, to, head)))
                    .isEqualTo(fast(90, 0.25, story -> story >= 100 && story < 250))
                    .isNotEmpty();
        }
    }

    @Nested
    class LateCorrections {

        @Test
        void givenThreeCorrectionsInTheLastFiveMinutes_whenRun_thenExactlyThoseWithTheChangesAsEvidence() {
            RuleOutcome outcome = run("late-corrections", Map.of());

            Set<String> planted = lateCorrections(3, 5);
            assertThat(planted).hasSize(storiesOf(Kind.LATE_CORRECTIONS).size());
            assertThat(attempts(outcome)).isEqualTo(planted);
            assertThat(outcome.breaches())
                    .allSatisfy(breach -> assertThat(breach.events())
                            .extracting(Breach.ProvingEvent::eventType)
                            .containsExactly("AnswerChosen", "AnswerChosen", "AnswerChosen", "AttemptSubmitted"));
        }

        @Test
        void givenOtherThresholds_whenRun_thenTheEarlierAndTheUndoneNearMissesAsTheFactsSay() {
            assertThat(attempts(run("late-corrections", Map.of("minutes", 10))))
                    .isEqualTo(lateCorrections(3, 10))
                    .hasSize(storiesOf(Kind.LATE_CORRECTIONS).size()
                            + storiesOf(Kind.LATE_AND_EARLIER_CORRECTIONS).size());
            assertThat(attempts(run("late-corrections", Map.of("changes", 2))))
                    .isEqualTo(lateCorrections(2, 5))
                    .hasSize(storiesOf(Kind.LATE_CORRECTIONS).size()
                            + storiesOf(Kind.LATE_AND_EARLIER_CORRECTIONS).size()
                            + storiesOf(Kind.LATE_CORRECTION_UNDONE).size());
            assertThat(attempts(run("late-corrections", Map.of("changes", 1, "minutes", 30))))
                    .isEqualTo(lateCorrections(1, 30));
        }
    }

    @Test
    void givenParametersUnknownOrOutOfBounds_whenResolved_thenRefusedNamingEachField() {
        Rule rule = RuleLibrary.rule("fast-high-score").orElseThrow();

        assertThatThrownBy(() -> RuleParameters.of(rule, Map.of("percent", 101, "speed", 2, "timeFraction", "x")))
                .isInstanceOfSatisfying(
                        RuleRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(RuleRefused.Problem::field)
                                .containsExactlyInAnyOrder(
                                        "parameters.percent", "parameters.speed", "parameters.timeFraction"));
        assertThatThrownBy(() ->
                        RuleParameters.of(RuleLibrary.rule("resit-after-fail").orElseThrow(), Map.of("hours", 1.5)))
                .isInstanceOf(RuleRefused.class)
                .hasMessageContaining("whole number");
    }

    @Test
    void givenTheLibrary_whenListed_thenFiveRulesEachWithItsDefaultsWithinItsLimits() {
        assertThat(RuleLibrary.RULES)
                .extracting(Rule::id)
                .containsExactly(
                        "resit-after-fail",
                        "invigilator-is-assessor",
                        "amendment-after-result",
                        "fast-high-score",
                        "late-corrections");
        assertThat(RuleLibrary.RULES)
                .allSatisfy(rule -> assertThat(rule.parameters())
                        .allSatisfy(parameter ->
                                assertThat(parameter.defaultValue()).isBetween(parameter.min(), parameter.max())));
    }

    @Test
    void givenNothingLogged_whenRun_thenNoBreachAndTheDigestOfNothing() {
        try (AuditStore empty = new AuditStore()) {
            Rule rule = RuleLibrary.rule("fast-high-score").orElseThrow();
            RuleOutcome outcome =
                    new RuleEngine(empty.jdbc).run(rule, RuleParameters.of(rule, Map.of()), null, null, 0);
            assertThat(outcome.breaches()).isEmpty();
            assertThat(outcome.eventsScanned()).isZero();
            assertThat(outcome.findingsDigest())
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }
    }

    @Test
    void givenTheGeneratedHistory_whenCounted_thenHundredsOfAttemptsAndThousandsOfEvents() {
        assertThat(generated.sittings).hasSizeGreaterThan(350);
        assertThat(head).isGreaterThan(3500);
        assertThat(List.of(store.log.head().orElseThrow().eventCount())).containsExactly(head);
    }
}
