-- Requests per client address and clock minute, for the limits on public endpoints (AddressRateLimit): in the
-- database, so that every node counts against the same allowance (ADR 0144).
CREATE TABLE IF NOT EXISTS address_limit_use (
    limit_name     VARCHAR(100) NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    clock_minute   BIGINT       NOT NULL,
    used           INTEGER      NOT NULL,
    PRIMARY KEY (limit_name, client_address, clock_minute)
);

-- The nodes that run, each saying so every few seconds: the event processors' segments are shared among those seen
-- lately (SegmentBalancer, ADR 0145).
CREATE TABLE IF NOT EXISTS cluster_node (
    node_id   VARCHAR(36) PRIMARY KEY,
    last_seen BIGINT      NOT NULL
);
