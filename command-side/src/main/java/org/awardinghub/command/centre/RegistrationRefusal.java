package org.awardinghub.command.centre;

import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;

/**
 * Why a centre may not take a candidate on a qualification, from {@link CentreDirectory#registrationRefusal}.
 * The {@code message} names the centre by its number once it has one.
 */
public record RegistrationRefusal(Kind kind, String message) {

    public enum Kind {
        /** No such centre (answered 404). */
        UNKNOWN_CENTRE,
        /** Applied, suspended or withdrawn: only an APPROVED centre registers. */
        CENTRE_NOT_APPROVED,
        /** A REGISTRATIONS sanction is in force. */
        REGISTRATIONS_SANCTIONED,
        /** The centre is not (or no longer) approved for the qualification. */
        QUALIFICATION_NOT_APPROVED
    }

    /** The refusal as the command side answers it when nothing more specific applies: 404, or else 409. */
    public RuntimeException exception() {
        return kind == Kind.UNKNOWN_CENTRE ? new UnknownRecord(message) : new RuleViolation(message);
    }
}
