package org.awardinghub.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about one data subject, as IMI hands it over in answer to a subject access request (UK GDPR
 * Article 15), in JSON or as a PDF of the same content.
 * <ul>
 *   <li>{@code subject}: who it is about, as the records name them now;</li>
 *   <li>{@code statement}: the purposes, legal bases, recipients, retention and rights the controller owes them;</li>
 *   <li>{@code events}: every event recorded about them, oldest first, each said in plain English with its fields;</li>
 *   <li>{@code activity}: for a user, what was recorded under their PIN on records other than their own account
 *       (what and when; another person's record is not opened);</li>
 *   <li>{@code records}: the read models held about them, as the application shows them;</li>
 *   <li>{@code files}: the files uploaded about them, with where each is downloaded;</li>
 *   <li>{@code notes}: what the export leaves out, and why.</li>
 * </ul>
 * Staff appear by PIN only: their names, email addresses and user ids are not the subject's data.
 */
public record SubjectAccessExport(
        Subject subject,
        Instant exportedAt,
        String exportedByPin,
        String reason,
        SubjectAccessStatement statement,
        List<Event> events,
        List<Activity> activity,
        List<ReadModel> records,
        List<File> files,
        List<String> notes) {

    /**
     * The subject: {@code type} {@code candidate} or {@code user}; {@code registrationNumber} of a candidate,
     * {@code pin} of a user (and of a candidate's own account); {@code erased} once their personal data is erased.
     */
    public record Subject(String type, String id, String name, String registrationNumber, String pin, boolean erased) {}

    /**
     * One event about the subject: when, its type, the record it belongs to, what it says ({@code summary}: what
     * happened, by whom and why), the PIN that did it (null: the system, or the candidate sitting an assessment),
     * whether the subject did it themselves, the address they did it from (only when they did), and its fields.
     */
    public record Event(
            Instant at,
            String type,
            String recordType,
            String recordId,
            long sequence,
            String summary,
            String actorPin,
            boolean bySubject,
            String clientAddress,
            Map<String, Object> fields) {}

    /**
     * Something recorded under a user's PIN: when, what, and on which record; {@code recordId} is null for another
     * person's record (only that they acted on one is theirs to know).
     */
    public record Activity(Instant at, String type, String summary, String recordType, String recordId) {}

    /**
     * A read model held about the subject: its name, what it is, and its entries as the application holds them (one
     * for a single record such as the candidate's own, none when nothing is held).
     */
    public record ReadModel(String name, String description, List<Object> items) {}

    /**
     * A file uploaded about the subject: what it was for, its name, type, size and SHA-256, when it was uploaded,
     * whether the file store still keeps it, and the endpoint that downloads it (IMI_ADMIN may).
     */
    public record File(
            String purpose,
            String fileName,
            String mediaType,
            long size,
            String sha256,
            Instant uploadedAt,
            boolean kept,
            String download) {}
}
