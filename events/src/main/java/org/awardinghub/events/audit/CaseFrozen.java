package org.awardinghub.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * An investigator froze a case: these records, as they stood at global position {@code upToPosition}. The case's
 * bundle is every event of those records up to that position; later events never enter it.
 */
public record CaseFrozen(String caseId, String title, List<RecordRef> records, long upToPosition, Instant frozenAt) {

    /** A record by its audit type ({@code centre}, {@code user}, {@code candidate}, {@code attempt}, {@code claim}). */
    public record RecordRef(String type, String id) {}
}
