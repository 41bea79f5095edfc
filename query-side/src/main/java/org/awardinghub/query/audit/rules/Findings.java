package org.awardinghub.query.audit.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run found, as its matcher reports it: every breach goes into the SHA-256 digest of the findings and the
 * totals (learners affected, attempts that would have been refused); only the first {@value #LISTED} are kept to be
 * listed, so that a rule that matches half the history still runs in bounded memory.
 */
public final class Findings {

    /** The most breaches a run lists; the totals and the digest cover them all. */
    public static final int LISTED = 1000;

    private final List<Breach> listed = new ArrayList<>();
    private final Set<String> learners = new LinkedHashSet<>();
    private final Map<String, Breach.Learner> learnersListed = new LinkedHashMap<>();
    private final Map<String, Breach.InvolvedPerson> people = new LinkedHashMap<>();
    private final Set<String> attempts = new LinkedHashSet<>();
    private final MessageDigest digest;
    private int breaches;

    Findings() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A breach found: counted, digested and, among the first {@value #LISTED}, listed. */
    public void add(Breach breach) {
        breaches++;
        digest.update(breach.canonical().getBytes(StandardCharsets.UTF_8));
        if (listed.size() < LISTED) {
            listed.add(breach);
        }
        for (Breach.Learner learner : breach.learners()) {
            learners.add(learner.candidateId());
            if (learnersListed.size() < LISTED) {
                learnersListed.merge(
                        learner.candidateId(),
                        learner,
                        (known, given) -> known.registrationNumber() != null ? known : given);
            }
        }
        for (Breach.InvolvedPerson person : breach.people()) {
            if (people.size() < LISTED && person.pin() != null) {
                people.merge(person.pin(), person, (known, given) -> known.userId() != null ? known : given);
            }
        }
        if (breach.attemptId() != null) {
            attempts.add(breach.attemptId());
        }
    }

    int breaches() {
        return breaches;
    }

    List<Breach> listed() {
        return List.copyOf(listed);
    }

    int learnersAffected() {
        return learners.size();
    }

    List<Breach.Learner> learners() {
        return List.copyOf(learnersListed.values());
    }

    List<Breach.InvolvedPerson> people() {
        return List.copyOf(people.values());
    }

    int attemptsRefused() {
        return attempts.size();
    }

    /** The digest of every breach's canonical line in the order found; of nothing when nothing was found. */
    String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
