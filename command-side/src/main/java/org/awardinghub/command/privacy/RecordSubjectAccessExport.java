package org.awardinghub.command.privacy;

/**
 * Records that IMI exported everything held about one data subject: {@code subjectType} {@code candidate} or
 * {@code user}, {@code format} {@code json} or {@code pdf}, and the reason given (optional: the request's reference,
 * for example). Sent by the export itself once the export is made, never by a client.
 */
public record RecordSubjectAccessExport(
        String subjectType,
        String subjectId,
        String format,
        String reason,
        String exportedByUserId,
        String exportedByPin) {}
