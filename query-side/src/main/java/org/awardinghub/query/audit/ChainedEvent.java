package org.awardinghub.query.audit;

/**
 * An event with the hash chain around it: {@code previousHash} is the chain's hash before it (at the previous
 * global position), {@code hash} = SHA-256 over {@code previousHash} and the event's canonical form
 * ({@link AuditChain}). Anyone holding the event can recompute {@code hash} from {@code previousHash}.
 */
public record ChainedEvent(AuditEvent event, String previousHash, String hash) {
}
