package org.awardinghub.command.qualification;

import java.util.List;
import java.util.Map;

/**
 * What the command side knows of every published qualification: its assessments and portfolio units, as of the
 * transaction that changed it. Read-only: kept from the events by {@link QualificationDirectoryTable}, in the
 * transaction that stores them.
 */
public interface QualificationDirectory {

    /**
     * The units of the qualification assessed by portfolio, in unit code order, each with its criterion codes in
     * published order. Empty for a qualification without portfolio units, or an unknown one.
     */
    Map<String, List<String>> portfolioUnits(String qualificationCode);

    boolean exists(String code);

    boolean assessmentCodeTaken(String assessmentCode);

    /**
     * The assessments the qualification requires, in code order: a candidate achieves it by passing every one.
     * Empty for an unknown qualification.
     */
    List<String> assessmentsOf(String qualificationCode);
}
