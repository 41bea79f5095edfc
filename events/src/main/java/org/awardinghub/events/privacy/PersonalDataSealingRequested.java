package org.awardinghub.events.privacy;

import java.time.Instant;

/**
 * The first start of the release that seals personal data found events written before it, with their personal
 * fields in clear (ADR 0164). Published once, as an event of no aggregate: the audit processor, reaching it in global
 * order, seals every such event before it in the event store and recomputes the hash chain over what is then stored,
 * keeping each hash as it was before, so that a seal taken earlier still checks out.
 */
public record PersonalDataSealingRequested(Instant requestedAt) {}
