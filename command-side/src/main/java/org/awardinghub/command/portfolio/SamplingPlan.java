package org.awardinghub.command.portfolio;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A centre's IQA sampling plan, its own small aggregate (not the Centre's) so that setting it never contends with
 * the centre's approval and sanctions. Each setting replaces the whole plan.
 */
@Aggregate
public class SamplingPlan {

    @AggregateIdentifier
    private String planId;

    protected SamplingPlan() {}

    public static String idOf(String centreId) {
        return "sampling-plan-" + centreId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetSamplingPlan command, CentreDirectory centres, UserDirectory users) {
        String centreId = Text.identifier("centreId", command.centreId());
        if (centres.statusOf(centreId).isEmpty()) {
            throw new UnknownRecord("No centre " + centreId);
        }
        int percent = percent("percent", command.percent(), SamplingRule.DEFAULT_PERCENT);
        int newPercent =
                percent("newAssessorPercent", command.newAssessorPercent(), SamplingRule.DEFAULT_NEW_ASSESSOR_PERCENT);
        int newSignOffs = command.newAssessorSignOffs() == null
                ? SamplingRule.DEFAULT_NEW_ASSESSOR_SIGN_OFFS
                : Text.between("newAssessorSignOffs", command.newAssessorSignOffs(), 0, 1000);
        List<SamplingPlanSet.Override> overrides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SamplingPlanSet.Override> given = command.overrides() == null ? List.of() : command.overrides();
        for (int i = 0; i < given.size(); i++) {
            String field = "overrides[" + i + "]";
            SamplingPlanSet.Override override = given.get(i);
            if (override == null) {
                throw new InvalidCommand(field, field + " is required");
            }
            String assessor = Text.identifier(field + ".assessorUserId", override.assessorUserId());
            if (users.findById(assessor)
                    .filter(user -> centreId.equals(user.centreId()))
                    .isEmpty()) {
                throw new InvalidCommand(field + ".assessorUserId", "no user " + assessor + " at this centre");
            }
            String unit = Text.required(field + ".unitCode", override.unitCode(), 32);
            if (!seen.add(assessor + "|" + unit)) {
                throw new InvalidCommand(field, "assessor " + assessor + " and unit " + unit + " appear twice");
            }
            overrides.add(new SamplingPlanSet.Override(
                    assessor, unit, Text.between(field + ".percent", override.percent(), 0, 100)));
        }
        apply(new SamplingPlanSet(centreId, percent, newPercent, newSignOffs, List.copyOf(overrides)));
    }

    @EventSourcingHandler
    void on(SamplingPlanSet event) {
        planId = idOf(event.centreId());
    }

    private static int percent(String field, Integer given, int standard) {
        return given == null ? standard : Text.between(field, given, 0, 100);
    }
}
