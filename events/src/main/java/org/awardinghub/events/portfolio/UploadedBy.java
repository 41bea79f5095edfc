package org.awardinghub.events.portfolio;

/** Who put a piece of evidence into the portfolio: the candidate through their own account, or their assessor. */
public enum UploadedBy {
    CANDIDATE,
    ASSESSOR_ON_BEHALF
}
