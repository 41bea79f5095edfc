package org.awardinghub.query.audit;

import java.time.Instant;

/** The chain's head: the global position and time of the last event hashed, how many are hashed, and the hash. */
public record ChainHead(long position, Instant at, long eventCount, String hash) {}
