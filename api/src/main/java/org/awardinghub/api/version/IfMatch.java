package org.awardinghub.api.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.api.problem.ApiProblem;

/**
 * An amendment's {@code If-Match} header (RFC 9110, section 13.1.1), read once into the version of the record that
 * the amendment may change. Our ETags are strong and name the record's version as a decimal integer
 * ({@link ETags}). Absent, or {@code *} (any current record, and a missing one is 404 anyway): no precondition, the
 * change is made whatever the version. One strong tag that is an integer: that version. One tag that can name no
 * version of ours (weak, which the strong comparison If-Match asks for never matches, or not an integer): a
 * precondition that can never hold, so the amendment is refused as stale (412) once the record was found. Anything
 * else (no quotes, a list of several tags, a blank) is a malformed header: 400.
 *
 * @param version the version the amendment expects; null when it sets no precondition
 */
public record IfMatch(Long version) {

    public static final String HEADER = "If-Match";

    /** No precondition. */
    public static final IfMatch NONE = new IfMatch(null);

    /**
     * Sent for a tag that names no version: every record is past it, so the command side refuses it as it refuses
     * a stale version, after the record was found and with the record's current version.
     */
    static final long NO_VERSION = -1;

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

    public IfMatch {
        if (version != null && version < NO_VERSION) {
            throw new IllegalArgumentException("a version is never below " + NO_VERSION);
        }
    }

    /** The header as received (null when absent). */
    public static IfMatch parse(String header) {
        if (header == null) {
            return NONE;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return NONE;
        }
        Matcher tag = ENTITY_TAG.matcher(value);
        if (!tag.matches()) {
            throw ApiProblem.badRequest(
                    HEADER,
                    value.contains(",")
                            ? "must name one version, as the record's ETag gives it (for example \"3\")"
                            : "must be the record's ETag, a version in double quotes (for example \"3\"), or *");
        }
        boolean weak = tag.group(1) != null;
        String opaque = tag.group(2);
        if (weak || !VERSION.matcher(opaque).matches()) {
            return new IfMatch(NO_VERSION);
        }
        return new IfMatch(Long.parseLong(opaque));
    }

    /** Whether the amendment is conditional. */
    public boolean isPresent() {
        return version != null;
    }
}
