package org.awardinghub.api.version;

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
}
