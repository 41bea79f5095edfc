package org.awardinghub.query.audit;

/** A {@code Page<AuditEvent>} of {@link FindRecordEvents}, in the record's own order: a page of the log's rows. */
public record PageRecordEvents(String recordType, String recordId, int page, int size) {}
