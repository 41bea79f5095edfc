package org.awardinghub.query.portfolio;

import java.time.Instant;
import java.util.List;
import org.awardinghub.query.DocumentMapper;

/**
 * A centre's IQA sampling plan as last set: the share of unit sign-offs drawn for sampling, the higher share while an
 * assessor has fewer than {@code newAssessorSignOffs} sign-offs, the overrides for one assessor on one unit, and when
 * it was set. Stored as it reads, one document per centre.
 */
public record SamplingPlanView(
        @DocumentMapper.Id String centreId,
        int percent,
        int newAssessorPercent,
        int newAssessorSignOffs,
        List<Override> overrides,
        Instant setAt) {

    /** One assessor's sign-offs on one unit sampled at {@code percent}, whatever the plan says otherwise. */
    public record Override(String assessorUserId, String unitCode, int percent) {}
}
