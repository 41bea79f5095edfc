package org.awardinghub.command.qualification;

import java.util.regex.Pattern;
import org.awardinghub.command.InvalidCommand;

/** Codes of qualifications, units and assessments: printed on certificates, so capitals, digits and hyphens only. */
public final class CatalogueCode {

    public static final int MAX_LENGTH = 32;
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private CatalogueCode() {}

    /** The trimmed code, or {@link InvalidCommand} naming {@code field}. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        String code = value.strip();
        if (!FORM.matcher(code).matches()) {
            throw new InvalidCommand(
                    field,
                    code + " is not a valid code: 2 to " + MAX_LENGTH
                            + " capital letters, digits or hyphens, not starting with a hyphen");
        }
        return code;
    }
}
