package org.awardinghub.query.audit;

/** The head of the hash chain: the last event hashed ({@link ChainHead}); null before the first event. */
record FindChainHead() {}
