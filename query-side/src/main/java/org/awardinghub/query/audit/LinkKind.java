package org.awardinghub.query.audit;

/**
 * What a blast-radius search starts from: an invigilator's or assessor's PIN, an assessment code, a bank item
 * id, or a centre id. No event names an assessor yet, so {@code ASSESSOR} finds nobody until the ePortfolio's
 * assessment decisions do ({@link AuditLogProjection} says what links each kind).
 */
public enum LinkKind {
    INVIGILATOR, ASSESSOR, ASSESSMENT, ITEM, CENTRE
}
