package org.awardinghub.query.portfolio;

import java.util.List;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.portfolio.PortfolioViews.CriterionView;
import org.awardinghub.query.portfolio.PortfolioViews.UnitView;

/**
 * The units a qualification assesses by portfolio, with their criteria, as {@value PortfolioProjection#QUALIFICATIONS}
 * stores them ({@code _id} = qualification code).
 */
record PortfolioQualification(@DocumentMapper.Id String code, List<Unit> units) {

    /** The units as a new portfolio starts them: no criterion met, nothing signed off or sampled. */
    List<UnitView> unassessed() {
        return units.stream()
                .map(unit -> new UnitView(
                        unit.unitCode(),
                        unit.title(),
                        unit.criteria().stream()
                                .map(criterion -> new CriterionView(criterion.code(), criterion.text(), false))
                                .toList(),
                        false,
                        null,
                        null,
                        false,
                        null,
                        null))
                .toList();
    }

    record Unit(String unitCode, String title, List<Criterion> criteria) {}

    record Criterion(String code, String text) {}
}
