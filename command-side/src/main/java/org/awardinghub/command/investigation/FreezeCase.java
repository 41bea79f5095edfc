package org.awardinghub.command.investigation;

import java.util.List;
import org.awardinghub.events.audit.CaseFrozen;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An AUDITOR or IMI_ADMIN freezes a case: a title, 1–100 records and the global position they are frozen at;
 * {@code ruleRunId} names the rule run the records come from (null: chosen by hand).
 */
public record FreezeCase(
        @TargetAggregateIdentifier String caseId,
        String title,
        List<CaseFrozen.RecordRef> records,
        long upToPosition,
        String ruleRunId) {

    /** A case whose records were chosen by hand. */
    public FreezeCase(String caseId, String title, List<CaseFrozen.RecordRef> records, long upToPosition) {
        this(caseId, title, records, upToPosition, null);
    }
}
