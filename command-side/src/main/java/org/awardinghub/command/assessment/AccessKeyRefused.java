package org.awardinghub.command.assessment;

import org.awardinghub.command.RuleViolation;

/**
 * Starting an attempt was refused for a reason to do with the access key: wrong, already used, expired, for
 * another candidate's registration number, or for an attempt no longer waiting to start. Always the same message,
 * so that a guess learns nothing; the API answers it as one uniform 401.
 */
public class AccessKeyRefused extends RuleViolation {

    public static final String MESSAGE = "The registration number and access key do not start an assessment";

    public AccessKeyRefused() {
        super(MESSAGE);
    }
}
