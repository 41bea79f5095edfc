package org.awardinghub.api.problem;

import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's refusal of a request whose address holds characters no text may hold: names the part at fault. */
public final class RefusedCharacters extends RequestRejectedException {

    private final String field;
    private final String refusal;

    /** {@code refusal} reads after the field's name ("may not hold ..."), and never repeats the value. */
    public RefusedCharacters(String field, String refusal) {
        super(field + " " + refusal);
        this.field = field;
        this.refusal = refusal;
    }

    String field() {
        return field;
    }

    String refusal() {
        return refusal;
    }
}
