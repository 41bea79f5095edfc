package org.awardinghub.events.portfolio;

import java.util.List;

/**
 * A centre's IQA sampling plan: the share of unit sign-offs drawn for sampling ({@code percent}), a higher share
 * ({@code newAssessorPercent}) while an assessor has fewer than {@code newAssessorSignOffs} sign-offs, and
 * overrides for one assessor on one unit.
 */
public record SamplingPlanSet(
        String centreId, int percent, int newAssessorPercent, int newAssessorSignOffs, List<Override> overrides) {

    public record Override(String assessorUserId, String unitCode, int percent) {}
}
