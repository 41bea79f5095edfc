package org.awardinghub.command.notification;

/**
 * Every kind of notification email, and whether its recipients may turn it off. A mandatory kind tells the
 * recipient something they must act on or must not miss (a rejection, a revocation, a sanction); an optional one
 * tells them of good news they can also see in the application. Adding a kind is one constant here, one template
 * under {@code notifications/} and one entry in the api's notification catalogue (ADR 0157).
 */
public enum NotificationKind {
    CLAIM_APPROVED(true, "A certificate claim is approved by IMI and the certificate issued"),
    CLAIM_REJECTED(false, "A certificate claim is rejected by IMI"),
    CERTIFICATE_ISSUED(true, "A certificate is issued at once (Direct Claim Status)"),
    CERTIFICATE_REPLACED(false, "A certificate is replaced"),
    CERTIFICATE_REVOKED(false, "A certificate is revoked"),
    HUB_REQUEST_ANSWERED(true, "IMI replies to a hub request you raised"),
    HUB_REQUEST_CLOSED(true, "A hub request you raised is closed"),
    CENTRE_SANCTIONED(false, "A sanction is imposed on your centre"),
    CENTRE_SANCTION_LIFTED(false, "A sanction on your centre is lifted"),
    ACCESS_ARRANGEMENT_APPROVED(true, "IMI approves an access arrangement your centre requested"),
    ACCESS_ARRANGEMENT_REJECTED(false, "IMI rejects an access arrangement your centre requested"),
    ACCESS_ARRANGEMENT_WITHDRAWN(false, "IMI withdraws an access arrangement of one of your candidates"),
    SPECIAL_CONSIDERATION_DECIDED(false, "IMI decides an application for special consideration"),
    RESULT_CHANGED_ON_RE_CHECK(false, "A clerical re-check changes a result"),
    APPEAL_DECIDED(false, "IMI decides an appeal against a result");

    private final boolean optional;
    private final String description;

    NotificationKind(boolean optional, String description) {
        this.optional = optional;
        this.description = description;
    }

    /** Whether a user may turn this kind off. */
    public boolean optional() {
        return optional;
    }

    /** What the kind tells, as the account page lists it. */
    public String description() {
        return description;
    }

    /** The template's resource name: {@code CLAIM_APPROVED} is {@code claim-approved}. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
