package org.awardinghub.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * Every event of the case's records up to {@code upToPosition}, in global order, each with its chain hashes, and
 * the chain's hash at {@code upToPosition} ({@code chainHashAtPosition}: null if nothing was hashed by then).
 * {@code ruleRunId} names the rule run whose learners and people the case froze (null: records chosen by hand).
 */
public record CaseBundle(
        String caseId,
        String title,
        Instant frozenAt,
        String frozenByPin,
        long upToPosition,
        String chainHashAtPosition,
        List<Record> records,
        List<ChainedEvent> events,
        String ruleRunId) {

    public record Record(String type, String id) {}
}
