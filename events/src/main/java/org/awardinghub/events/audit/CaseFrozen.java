package org.awardinghub.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * An investigator froze a case: these records, as they stood at global position {@code upToPosition}. The case's
 * bundle is every event of those records up to that position; later events never enter it. {@code ruleRunId} names
 * the rule run whose learners and people the case freezes (null for a case frozen by hand, and in every case frozen
 * before runs were recorded).
 */
public record CaseFrozen(
        String caseId, String title, List<RecordRef> records, long upToPosition, Instant frozenAt, String ruleRunId) {

    /** A case frozen by hand, of no rule run. */
    public CaseFrozen(String caseId, String title, List<RecordRef> records, long upToPosition, Instant frozenAt) {
        this(caseId, title, records, upToPosition, frozenAt, null);
    }

    /** A record by its audit type ({@code centre}, {@code user}, {@code candidate}, {@code attempt}, {@code claim}). */
    public record RecordRef(String type, String id) {}
}
