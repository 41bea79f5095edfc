package org.awardinghub.query.audit.rules;

import java.time.Instant;
import java.util.Map;

/** A rule run as recorded ({@code RuleRunRecorded}): enough to rerun it and compare the digest. */
public record RecordedRun(
        String runId,
        String rule,
        Map<String, Number> parameters,
        Instant from,
        Instant to,
        long upToPosition,
        long eventsScanned,
        int breaches,
        int learnersAffected,
        Integer attemptsRefused,
        String findingsDigest,
        Instant ranAt,
        String ranByPin) {}
