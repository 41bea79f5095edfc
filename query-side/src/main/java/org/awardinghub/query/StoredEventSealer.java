package org.awardinghub.query;

import java.util.Optional;

/**
 * Seals the personal fields an event stored by an earlier release keeps in clear (ADR 0164), as the event store's
 * serializer seals them in the events it stores now.
 */
@FunctionalInterface
public interface StoredEventSealer {

    /** An event as stored: its payload's and its metadata's JSON. */
    record StoredForm(String payload, String metadata) {}

    /** The event's stored form with its personal fields sealed; empty when nothing in it is in clear. */
    Optional<StoredForm> seal(String payloadType, StoredForm stored);
}
