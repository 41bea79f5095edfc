package org.awardinghub.query.audit;

/**
 * An event with the hash chain around it: {@code previousHash} is the chain's hash before it (at the previous
 * global position), {@code hash} = SHA-256 over {@code previousHash} and the event's canonical form
 * ({@link AuditChain}). {@code canonical} is that form exactly as hashed, so anyone holding the bundle can check
 * each link: {@code hash = SHA-256(previousHash + "\n" + canonical)}, with no code of ours.
 */
record ChainedEvent(AuditEvent event, String canonical, String previousHash, String hash) {}
