package org.awardinghub.query.audit;

/** Every event of one record, in its own order (a List of {@link AuditEvent}s; empty when unknown). */
public record FindRecordEvents(String recordType, String recordId) {}
