package org.awardinghub.command.portfolio;

import java.util.Set;

/**
 * What the command side knows of the ePortfolio: units signed off, assessors' sign-off counts and the centres'
 * sampling plans, as of the transaction that changed it. Read-only: kept from the events by {@link
 * PortfolioDirectoryTable}, in the transaction that stores them.
 */
public interface PortfolioDirectory {

    /** The candidate's units signed off now (not sent back), in unit code order. */
    Set<String> signedOffUnits(String candidateId);

    /** How many units the assessor has signed off so far. */
    int signOffsBy(String assessorUserId);

    /** The centre's sampling plan, or the defaults when it has set none. */
    SamplingRule samplingRule(String centreId, String assessorUserId, String unitCode);
}
