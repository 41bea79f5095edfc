package org.awardinghub.events.privacy;

import java.time.Instant;

/**
 * IMI exported everything held about one data subject (a subject access request, UK GDPR Article 15).
 * {@code subjectType} is {@code candidate} or {@code user}; {@code format} is {@code json} or {@code pdf}. Published
 * as an event of no aggregate, like a library download, so that an export never changes the subject's own record.
 */
public record SubjectAccessExported(
        String subjectType,
        String subjectId,
        String format,
        String reason,
        String exportedByUserId,
        String exportedByPin,
        Instant exportedAt) {}
