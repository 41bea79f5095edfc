package org.awardinghub.api.version;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ResponseEntity;

/**
 * The ETag of a versioned record (a candidate, a centre): its version, the sequence number of its last event, as a
 * strong entity-tag {@code "7"}. Reads answer it with the record, amendments with the version they left, so that a
 * client can send it back in {@code If-Match} ({@link IfMatch}).
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the body and the record's ETag. */
    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(of(version)).body(body);
    }

    /**
     * A read of the record at this version: 200 with its ETag, unless the read's {@code If-Match} names another
     * version, which RFC 9110 answers 412, here the same 412 problem as a stale amendment's. Checked here because
     * Spring's own check of a GET's If-Match answers 412 with no body; If-None-Match is left to Spring (304).
     */
    public static <T> ResponseEntity<T> read(String id, long version, T body, IfMatch ifMatch) {
        if (ifMatch.isPresent() && ifMatch.version() != version) {
            throw new ConflictingAggregateVersionException(id, ifMatch.version(), version);
        }
        return ok(version, body);
    }
}
