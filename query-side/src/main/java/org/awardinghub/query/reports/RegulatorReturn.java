package org.awardinghub.query.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The regulator returns (ADR 0169): the compliance reports whose figures a regulator files per period, per centre and
 * nationally, each reproducible as of any past instant from the returns ledger. A figure's key is a centre, a
 * qualification and (pass rates only) an assessment; its measures are counts, and {@code rate}, when there is one,
 * is the percentage of the first measure that the second is, rounded as the reports round ({@link Rounding}).
 */
public enum RegulatorReturn {
    REGISTRATIONS(
            "registrations",
            "Registrations and late registrations, by the day registered, at the candidate's centre and"
                    + " qualification as the record stands",
            List.of("registrations", "late"),
            "latePercent"),
    PASS_RATES(
            "pass-rates",
            "Marked attempts and passes per assessment, by the day submitted; a voided attempt leaves its day",
            List.of("attempts", "passes"),
            "passRate"),
    CERTIFICATES(
            "certificates",
            "Certificate claims made, issued and rejected, by the day of each; a revocation counts on the day issued",
            List.of("claimed", "issued", "rejected", "revoked"),
            null),
    AMENDMENTS(
            "amendments",
            "Amendments of candidates by the day amended, and those after the candidate had a result or a claim",
            List.of("amendments", "afterResult", "afterClaim"),
            null);

    private final String code;
    private final String title;
    private final List<String> measures;
    private final String rate;

    RegulatorReturn(String code, String title, List<String> measures, String rate) {
        this.code = code;
        this.title = title;
        this.measures = measures;
        this.rate = rate;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<String> measures() {
        return measures;
    }

    /** The rate's name (the second measure of the first, in percent); null when the return has none. */
    public String rate() {
        return rate;
    }

    /** Whether a figure's key names an assessment (the pass rates), besides a centre and a qualification. */
    public boolean perAssessment() {
        return this == PASS_RATES;
    }

    public static Optional<RegulatorReturn> ofCode(String code) {
        return Arrays.stream(values()).filter(each -> each.code.equals(code)).findFirst();
    }
}
