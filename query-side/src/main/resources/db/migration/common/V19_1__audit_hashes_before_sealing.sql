-- Each chain hash as it was before the events an earlier release stored in clear were sealed (ADR 0164): the chain
-- is recomputed over the sealed events, and a seal taken before still checks out against the hash kept here. A record
-- written by the audit processor once, never emptied by a replay of the audit log.
CREATE TABLE IF NOT EXISTS audit_hashes_before_sealing (
    global_index BIGINT   NOT NULL PRIMARY KEY,
    chain_hash   CHAR(64) NOT NULL
);
