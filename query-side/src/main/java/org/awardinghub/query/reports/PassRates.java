package org.awardinghub.query.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Marked attempts that were not voided, and how many passed: nationally per assessment, and per centre and
 * assessment (in centre then assessment order). Rates are percentages to one decimal. A centre is {@code flagged}
 * when it has at least {@link #MINIMUM_ATTEMPTS} attempts and its rate is more than two standard errors above the
 * national rate, the standard error being {@code sqrt(p (1 - p) / n)} for the national proportion {@code p} and the
 * centre's {@code n} attempts. {@code standardError} is in percentage points, to two decimals; the flag compares the
 * unrounded figures. National rows in qualification then assessment order; an attempt counts on the day it was
 * submitted (UTC).
 */
public record PassRates(
        String centreId,
        String qualificationCode,
        LocalDate from,
        LocalDate to,
        List<National> national,
        List<Row> centres) {

    public static final int MINIMUM_ATTEMPTS = 20;

    public record National(
            String qualificationCode, String assessmentCode, long attempts, long passes, double passRate) {}

    public record Row(
            String centreId,
            String qualificationCode,
            String assessmentCode,
            long attempts,
            long passes,
            double passRate,
            double nationalPassRate,
            double standardError,
            boolean flagged) {}
}
