package org.awardinghub.command.portfolio;

import java.util.List;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre's coordinator (or IMI) sets the centre's sampling plan; null percentages take the defaults. */
public record SetSamplingPlan(
        String centreId,
        Integer percent,
        Integer newAssessorPercent,
        Integer newAssessorSignOffs,
        List<SamplingPlanSet.Override> overrides) {

    @TargetAggregateIdentifier
    public String planId() {
        return SamplingPlan.idOf(centreId);
    }
}
