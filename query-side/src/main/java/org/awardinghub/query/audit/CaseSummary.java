package org.awardinghub.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * A frozen case as its list shows it: its title (what it investigates), when and by whom it was frozen, the global
 * position its records are frozen at, and those records (and the rule run they come from, if any); its events are in its {@link CaseBundle}.
 */
public record CaseSummary(
        String caseId,
        String title,
        Instant frozenAt,
        String frozenByPin,
        long upToPosition,
        List<CaseBundle.Record> records,
        String ruleRunId) {}
