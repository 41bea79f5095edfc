package org.awardinghub.events.user;

public enum PasswordSetBy {
    /** The one-time link of the activation email. */
    ACTIVATION,
    /** The one-time link of a password-reset email. */
    RESET
}
