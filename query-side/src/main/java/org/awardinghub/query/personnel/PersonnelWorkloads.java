package org.awardinghub.query.personnel;

import java.util.Map;

/**
 * The extension point through which the ePortfolio gives the personnel report each assessor's and IQA's current
 * workload (evidence awaiting their judgement, IQA samples due). The ePortfolio's query side implements it as one
 * Spring bean, from its own read model; nothing else does, and there is deliberately no stand-in: until that bean
 * exists, {@link PersonnelProjection} reports {@code workload: null} for everyone, which says "not known", where
 * zeros would claim that nobody has work waiting.
 */
public interface PersonnelWorkloads {

    /**
     * The current workloads of the assessors and IQAs of one centre, by user id. A user left out has nothing
     * waiting ({@link Workload#NONE}); users of other centres are never asked about and may be left out.
     */
    Map<String, Workload> of(String centreId);
}
