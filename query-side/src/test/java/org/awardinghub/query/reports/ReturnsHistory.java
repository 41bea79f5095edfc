package org.awardinghub.query.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.query.History.Recorded;

/**
 * A generated history for the regulator returns: candidates registered at four centres on two qualifications, their
 * attempts marked, some voided or re-marked, claims made, issued, rejected or revoked, amendments after a result;
 * each event at its own time (its payload's days follow it), in global order. Seeded: the same history each time.
 */
final class ReturnsHistory {

    static final List<String> CENTRES = List.of("c1", "c2", "c3", "c4");
    static final Map<String, List<String>> ASSESSMENTS =
            Map.of("LV2", List.of("LV2-A"), "LV3", List.of("LV3-A", "LV3-B"));

    private final Random random;
    private final List<Recorded> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock;
    private int candidates;

    ReturnsHistory(long seed, Instant start) {
        this.random = new Random(seed);
        this.clock = start;
    }

    /** {@code count} candidates' stories, spread evenly until {@code end}. */
    ReturnsHistory candidates(int count, Instant end) {
        Duration step = Duration.between(clock, end).dividedBy(count * 16L);
        for (int i = 0; i < count; i++) {
            story(step);
        }
        return this;
    }

    /** One event by {@code pin} at {@code at} (after every event so far); its global position is returned. */
    long at(Instant at, String aggregateId, Object payload, String pin) {
        clock = at;
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        long position = events.size() + 1L;
        events.add(new Recorded(aggregateId, sequence, at, payload, Map.of(AuditMetadata.ACTOR_PIN, pin), position));
        return position;
    }

    List<Recorded> events() {
        return List.copyOf(events);
    }

    Instant clock() {
        return clock;
    }

    private void story(Duration step) {
        String candidate = "k" + ++candidates;
        String centre = CENTRES.get(random.nextInt(CENTRES.size()));
        String qualification = random.nextBoolean() ? "LV2" : "LV3";
        String pin = "1000000" + centre.charAt(1);
        Instant registeredAt = next(step);
        LocalDate registeredOn = day(registeredAt);
        at(
                registeredAt,
                candidate,
                new CandidateRegistered(
                        candidate,
                        centre,
                        "R" + candidates,
                        "First",
                        "Last",
                        LocalDate.parse("2000-01-01"),
                        null,
                        qualification,
                        registeredOn.minusDays(random.nextInt(120)),
                        registeredOn,
                        random.nextInt(5) == 0,
                        false),
                pin);
        if (random.nextInt(4) == 0) {
            return;
        }
        List<String> attempts = new ArrayList<>();
        for (String assessment : ASSESSMENTS.get(qualification)) {
            String attempt = "a" + candidates + assessment;
            Instant submitted = next(step);
            boolean passed = random.nextInt(3) > 0;
            at(
                    submitted,
                    attempt,
                    new AttemptSubmitted(
                            attempt,
                            candidate,
                            centre,
                            qualification,
                            assessment,
                            SubmittedBy.CANDIDATE,
                            submitted.minusSeconds(3600),
                            submitted,
                            submitted,
                            passed ? 25 : 10,
                            30,
                            passed ? 83.3 : 33.3,
                            60,
                            passed ? Outcome.PASS : Outcome.FAIL,
                            List.of(),
                            null),
                    pin);
            if (random.nextInt(10) == 0) {
                at(
                        next(step),
                        attempt,
                        new AttemptVoided(
                                attempt,
                                candidate,
                                centre,
                                assessment,
                                AttemptStatus.SUBMITTED,
                                passed ? Outcome.PASS : Outcome.FAIL,
                                "Notes found"),
                        "90000001");
                return;
            }
            if (!passed && random.nextInt(8) == 0) {
                at(
                        next(step),
                        attempt,
                        new AttemptOutcomeChanged(
                                attempt,
                                candidate,
                                centre,
                                qualification,
                                assessment,
                                Outcome.FAIL,
                                Outcome.PASS,
                                10,
                                20,
                                66.7,
                                "Re-marked",
                                "e" + attempt),
                        "90000001");
            }
            attempts.add(attempt);
        }
        if (random.nextInt(6) == 0) {
            at(
                    next(step),
                    candidate,
                    new CandidateNameAmended(candidate, centre, "First", "Last", "First", "Other", "Married"),
                    pin);
        }
        String claim = "q" + candidates;
        Instant claimed = next(step);
        at(
                claimed,
                claim,
                new CertificateClaimed(
                        claim,
                        candidate,
                        "R" + candidates,
                        centre,
                        qualification,
                        "First Last",
                        false,
                        attempts,
                        "u-" + centre,
                        pin,
                        claimed),
                pin);
        if (random.nextInt(5) == 0) {
            at(next(step), claim, new ClaimRejected(claim, candidate, centre, qualification, "Evidence"), "90000001");
            return;
        }
        Instant issued = next(step);
        at(
                issued,
                claim,
                new CertificateIssued(
                        claim,
                        candidate,
                        centre,
                        qualification,
                        "C" + candidates,
                        "First Last",
                        day(issued),
                        issued,
                        true),
                "90000001");
        if (random.nextInt(15) == 0) {
            at(
                    next(step),
                    claim,
                    new CertificateRevoked(
                            claim, candidate, centre, qualification, "C" + candidates, day(clock), "Fraud"),
                    "90000001");
        }
    }

    /** A late amendment of {@code candidate}'s qualification at {@code at}; its global position. */
    long qualificationAmended(Instant at, String candidate, String centre, String from, String to) {
        return at(
                at,
                candidate,
                new CandidateQualificationAmended(candidate, centre, from, to, "Wrong level"),
                "90000001");
    }

    long transferred(Instant at, String candidate, String from, String to) {
        return at(at, candidate, new CandidateTransferred(candidate, from, to, "Moved"), "90000001");
    }

    private Instant next(Duration step) {
        clock = clock.plus(step.multipliedBy(1 + random.nextInt(2)));
        return clock;
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
