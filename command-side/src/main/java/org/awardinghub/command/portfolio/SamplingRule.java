package org.awardinghub.command.portfolio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a centre samples sign-offs for its IQAs, as it applies to one assessor on one unit: {@code override} (null:
 * none) wins; otherwise a new assessor (fewer than {@code newAssessorSignOffs} sign-offs) is sampled at
 * {@code newAssessorPercent}, everyone else at {@code percent}. Whether one sign-off is drawn is decided by its
 * hash, not by chance, so the decision can be recomputed by anyone from the event.
 */
public record SamplingRule(int percent, int newAssessorPercent, int newAssessorSignOffs, Integer override) {

    public static final int DEFAULT_PERCENT = 25;
    public static final int DEFAULT_NEW_ASSESSOR_PERCENT = 100;
    public static final int DEFAULT_NEW_ASSESSOR_SIGN_OFFS = 5;

    static SamplingRule defaults(Integer override) {
        return new SamplingRule(
                DEFAULT_PERCENT, DEFAULT_NEW_ASSESSOR_PERCENT, DEFAULT_NEW_ASSESSOR_SIGN_OFFS, override);
    }

    /** The percentage that applies to an assessor who has signed off {@code earlierSignOffs} units before. */
    public int percentFor(int earlierSignOffs) {
        if (override != null) {
            return override;
        }
        return earlierSignOffs < newAssessorSignOffs ? newAssessorPercent : percent;
    }

    /**
     * Drawn when the first 8 hex digits of SHA-256({@code candidateId|unitCode|signOffNumber}), read as a number,
     * modulo 100 fall below {@code percent}: 0 never samples, 100 always does.
     */
    public static boolean drawn(String candidateId, String unitCode, int signOffNumber, int percent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((candidateId + "|" + unitCode + "|" + signOffNumber).getBytes(StandardCharsets.UTF_8));
            long first = Long.parseLong(HexFormat.of().formatHex(digest, 0, 4), 16);
            return first % 100 < percent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
