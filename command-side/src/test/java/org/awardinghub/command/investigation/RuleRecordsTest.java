package org.awardinghub.command.investigation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.events.audit.RuleAdopted;
import org.awardinghub.events.audit.RuleProposed;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rule runs and proposals as the command side records them (ADR 0168): a run once, with its counts and digest; a
 * proposal with what it found, adopted by IMI once, as it was tried; a case frozen from a run names it.
 */
class RuleRecordsTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:30:00.123Z");
    static final String DIGEST = "ab".repeat(32);
    static final List<RuleRunRecorded.Parameter> HOURS_72 = List.of(new RuleRunRecorded.Parameter("hours", 72));
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");
    static final RuleFindingsRecord FOUND = new RuleFindingsRecord(900, 120, 3, 2, 3, DIGEST.toUpperCase());

    @Nested
    class RecordRuleRunSpec {

        FixtureConfiguration<RuleRun> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(RuleRun.class);
            fixture.registerInjectableResource(new MutableClock(NOW));
        }

        @Test
        void givenARun_whenRecorded_thenItsRuleWindowPositionCountsAndDigestInLowerCase() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRuleRun("run-1", " resit-after-fail ", HOURS_72, FROM, TO, FOUND))
                    .expectEvents(new RuleRunRecorded(
                            "run-1", "resit-after-fail", HOURS_72, FROM, TO, 900, 120, 3, 2, 3, DIGEST, NOW));
        }

        @Test
        void givenADigestThatIsNotSha256_whenRecorded_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRuleRun(
                            "run-1",
                            "fast-high-score",
                            List.of(),
                            null,
                            null,
                            new RuleFindingsRecord(1, 1, 0, 0, 0, "not a digest")))
                    .expectException(InvalidField.named("findings.findingsDigest"));
        }

        @Test
        void givenAWindowEndingBeforeItStarts_whenRecorded_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRuleRun("run-1", "fast-high-score", List.of(), TO, FROM, FOUND))
                    .expectException(InvalidField.named("to"));
        }

        @Test
        void givenAParameterNamedTwice_whenRecorded_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRuleRun(
                            "run-1",
                            "resit-after-fail",
                            List.of(
                                    new RuleRunRecorded.Parameter("hours", 1),
                                    new RuleRunRecorded.Parameter("hours", 2)),
                            null,
                            null,
                            FOUND))
                    .expectException(InvalidField.named("parameters"));
        }

        @Test
        void givenNegativeCounts_whenRecorded_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRuleRun(
                            "run-1",
                            "fast-high-score",
                            List.of(),
                            null,
                            null,
                            new RuleFindingsRecord(1, -1, 0, 0, null, DIGEST)))
                    .expectException(InvalidField.named("findings"));
        }
    }

    @Nested
    class ProposalSpec {

        FixtureConfiguration<RuleProposal> fixture;
        RuleProposed proposed =
                new RuleProposed("proposal-1", "resit-after-fail", HOURS_72, FROM, 900, 120, 3, 2, 3, DIGEST, NOW);

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(RuleProposal.class);
            fixture.registerInjectableResource(new MutableClock(NOW));
        }

        @Test
        void givenNoProposal_whenProposedWithWhatItFoundSinceADate_thenRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeRule("proposal-1", "resit-after-fail", HOURS_72, FROM, FOUND))
                    .expectEvents(proposed);
        }

        @Test
        void givenNoSince_whenProposed_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeRule("proposal-1", "resit-after-fail", HOURS_72, null, FOUND))
                    .expectException(InvalidField.named("since"));
        }

        @Test
        void givenAProposal_whenAdopted_thenTheRuleAndParametersAsTried() {
            fixture.given(proposed)
                    .when(new AdoptRule("proposal-1"))
                    .expectEvents(new RuleAdopted("proposal-1", "resit-after-fail", HOURS_72, NOW));
        }

        @Test
        void givenAnAdoptedProposal_whenAdoptedAgain_thenRefusedAndNothingRecorded() {
            fixture.given(proposed, new RuleAdopted("proposal-1", "resit-after-fail", HOURS_72, NOW))
                    .when(new AdoptRule("proposal-1"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CaseOfARunSpec {

        @Test
        void givenARun_whenItsRecordsAreFrozen_thenTheCaseNamesTheRun() {
            FixtureConfiguration<InvestigationCase> fixture = new AggregateTestFixture<>(InvestigationCase.class);
            fixture.registerInjectableResource(new MutableClock(NOW));
            List<CaseFrozen.RecordRef> records = List.of(new CaseFrozen.RecordRef("candidate", "cand-1"));

            fixture.givenNoPriorActivity()
                    .when(new FreezeCase("case-1", "Early re-sits", records, 900, "run-1"))
                    .expectEvents(new CaseFrozen("case-1", "Early re-sits", records, 900, NOW, "run-1"));
        }
    }
}
