package org.awardinghub.api.privacy;

import java.util.List;

/**
 * What a controller owes a data subject beside the copy of their data (UK GDPR Article 15(1)(a) to (h) and 15(2)):
 * the purposes and legal bases, the categories of data, the recipients, how long it is kept, their rights, where the
 * data came from, whether decisions about them are automated, and transfers abroad. A fixed text, the same in every
 * export of its kind, kept with the code so that it changes by review like the code (ADR 0167).
 */
public record SubjectAccessStatement(
        String controller,
        List<String> purposes,
        List<String> legalBases,
        List<String> categories,
        List<String> recipients,
        String retention,
        String source,
        String automatedDecisions,
        String transfers,
        List<String> rights) {

    private static final String CONTROLLER = "The awarding organisation that runs this Awarding Hub (IMI) is the"
            + " controller of the personal data in it. Approved centres enter and use candidates' data on its behalf"
            + " and under its instructions.";

    private static final List<String> RIGHTS = List.of(
            "Rectification (Article 16): ask the centre or IMI to correct what is wrong; every amendment is recorded"
                    + " with its reason, as the events above show.",
            "Erasure (Article 17): ask IMI to erase what it no longer needs; records an investigation needs are held"
                    + " until it ends, and a certificate's existence stays verifiable with the holder's details"
                    + " erased.",
            "Restriction (Article 18) and objection (Article 21): ask IMI to restrict or stop processing while a"
                    + " question about the data is settled.",
            "A copy (Article 15): this export; a further copy may be asked for at any time.",
            "Complaint: to IMI's data protection officer first, and to the Information Commissioner's Office"
                    + " (ico.org.uk, 0303 123 1113) at any time.");

    /** The statement owed to a candidate about their registration, assessments and certificates. */
    static final SubjectAccessStatement CANDIDATE = new SubjectAccessStatement(
            CONTROLLER,
            List.of(
                    "Registering candidates for qualifications and keeping their record of registration.",
                    "Delivering, invigilating and marking assessments, and recording results.",
                    "Issuing, verifying, replacing and revoking certificates.",
                    "Fair access: access arrangements, special consideration, enquiries about results and appeals.",
                    "Quality assurance of centres and investigation of suspected malpractice, kept in an audit trail"
                            + " that cannot be rewritten."),
            List.of(
                    "Article 6(1)(b): the contract under which the candidate is entered for a qualification.",
                    "Article 6(1)(c) and 6(1)(e): the awarding organisation's obligations under its regulator's"
                            + " conditions of recognition (records of assessment and certification, malpractice"
                            + " investigation).",
                    "Article 9(2)(g) with the Data Protection Act 2018, Schedule 1 (equality of opportunity):"
                            + " evidence of need for access arrangements and special consideration, which may"
                            + " concern health."),
            List.of(
                    "Identity: name, date of birth, Unique Learner Number, registration number.",
                    "Assessment: attempts, the answers chosen and the marks given, results, pauses and incidents.",
                    "Certification: claims and certificates.",
                    "Fair access: requests, the reasons and evidence given, and the decisions.",
                    "ePortfolio: evidence uploaded, judgements and feedback.",
                    "Account: the candidate's own ePortfolio account, its PIN, email address and sign-ins."),
            List.of(
                    "The candidate's centre (its coordinators, administrators, invigilators, assessors and internal"
                            + " quality assurers), for its own candidates only.",
                    "IMI's staff and auditors.",
                    "Anyone the candidate gives a certificate's number and verification code to: the public check"
                            + " shows the holder's name, the qualification and the certificate's status.",
                    "The qualifications regulator, on request, in the course of its oversight."),
            "Candidate records are kept for the period after certification or withdrawal that IMI's retention policy"
                    + " sets, then erased: the personal fields of every event are encrypted with a key kept for the"
                    + " candidate alone, and deleting the key erases them wherever the events are copied (backups"
                    + " made before then are kept only for the backup period). A legal"
                    + " hold during an investigation, or a recorded extension with its legal basis, keeps them"
                    + " longer; each such decision is itself recorded and shown in this export.",
            "From the candidate's centre, which registered the candidate; from the candidate, in their assessments and"
                    + " ePortfolio; and from IMI's staff, in decisions about them.",
            "Multiple-choice answers are marked automatically against the assessment's answer key and pass mark."
                    + " A candidate may ask, through their centre, for an enquiry about the result (a clerical"
                    + " re-check by IMI) and then appeal: both are decided by people.",
            "None: the data is held in the United Kingdom and not transferred abroad by this application.",
            RIGHTS);

    /** The statement owed to a user about their account and what is recorded under their PIN. */
    static final SubjectAccessStatement USER = new SubjectAccessStatement(
            CONTROLLER,
            List.of(
                    "Giving the user an account, signing them in and keeping it secure.",
                    "Recording who did what (by PIN) in an audit trail that cannot be rewritten, for quality assurance"
                            + " and investigation.",
                    "Sending the notices the user's role needs, as their preferences allow."),
            List.of(
                    "Article 6(1)(b) and 6(1)(f): the user's work for their centre or for IMI, and the legitimate"
                            + " interest in a secure, accountable service.",
                    "Article 6(1)(c) and 6(1)(e): the awarding organisation's obligations under its regulator's"
                            + " conditions of recognition."),
            List.of(
                    "Identity: name, email address, PIN, roles and centre.",
                    "Security: sign-ins, failed sign-ins, lock-outs, password changes (never the password).",
                    "Activity: what was recorded under the PIN, and when."),
            List.of("The user's own centre's coordinators.", "IMI's staff and auditors."),
            "An account's record is kept while the account exists and for the period IMI's retention policy sets"
                    + " after it is deactivated. What was recorded under the PIN stays in the audit trail with the"
                    + " records it concerns, for as long as those are kept.",
            "From IMI or the user's centre, which created the account, and from the user's own use of it.",
            "None: no decision about a user is made by automated means alone. A lock-out after repeated failed"
                    + " sign-ins is a security measure that ends by itself or when an administrator acts.",
            "None: the data is held in the United Kingdom and not transferred abroad by this application.",
            RIGHTS);
}
