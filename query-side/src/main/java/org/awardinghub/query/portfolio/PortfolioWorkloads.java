package org.awardinghub.query.portfolio;

import java.util.Map;
import java.util.stream.Collectors;
import org.awardinghub.query.personnel.PersonnelWorkloads;
import org.awardinghub.query.personnel.Workload;
import org.awardinghub.query.portfolio.PortfolioQueries.AssessorWorkloads;
import org.awardinghub.query.portfolio.PortfolioViews.AssessorWorkload;
import org.springframework.stereotype.Component;

/**
 * The ePortfolio's answer to the personnel report: each assessor's evidence awaiting their judgement (with the
 * oldest's age) and each IQA's samples due, read from the portfolios' read model when the report is made.
 */
@Component
class PortfolioWorkloads implements PersonnelWorkloads {

    private final PortfolioProjection portfolios;

    public PortfolioWorkloads(PortfolioProjection portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    public Map<String, Workload> of(String centreId) {
        return portfolios.handle(new AssessorWorkloads(centreId)).stream()
                .collect(Collectors.toMap(
                        AssessorWorkload::userId, PortfolioWorkloads::workload, (first, second) -> first));
    }

    private static Workload workload(AssessorWorkload load) {
        return new Workload(
                load.evidenceAwaitingJudgement(),
                load.evidenceAwaitingJudgement() == 0 ? null : load.oldestAwaitingDays(),
                load.samplesDue());
    }
}
