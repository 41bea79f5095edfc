package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A regulator return as of an instant: per centre (one centre's when asked for) and nationally, each row a figure's
 * key and its measures in the return's order ({@link RegulatorReturn#measures()}), with the rate when the return has
 * one. Centre rows in centre, qualification, assessment order; national rows in qualification, assessment order;
 * {@code assessmentCode} empty for a return not per assessment. Nothing here depends on when it was asked, only on
 * the instant: the same instant gives the same return.
 */
public record ReturnFigures(
        String code,
        String title,
        LocalDate from,
        LocalDate to,
        Instant asOf,
        String centreId,
        List<String> measures,
        String rate,
        List<Row> centres,
        List<Row> national) {

    /** One figure: {@code centreId} null in a national row; {@code rate} null when the return has none. */
    public record Row(
            String centreId, String qualificationCode, String assessmentCode, List<Long> values, Double rate) {}
}
