package org.awardinghub.query.audit;

/**
 * What a blast-radius search starts from: an invigilator's or assessor's PIN, an assessment code, a bank item
 * id, or a centre id ({@link AuditLogProjection} says what links each kind).
 */
public enum LinkKind {
    INVIGILATOR,
    ASSESSOR,
    ASSESSMENT,
    ITEM,
    CENTRE
}
