-- Notification emails, sent once per event per recipient however often the event is delivered (ADR 0157). Written
-- by the notifications processor in the same transaction as its token and the outbox copy. Times are epoch
-- milliseconds (UTC). Rows are kept: they are what stops a replay from sending again.

-- Every event a notice was sent for (whatever its recipients): a replay, or a second node, finds it here.
CREATE TABLE IF NOT EXISTS notified_events (
    event_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    notified_at BIGINT       NOT NULL
);

-- Each email sent: the recipient is named by user id, never by address.
CREATE TABLE IF NOT EXISTS notifications_sent (
    event_id VARCHAR(100) NOT NULL,
    user_id  VARCHAR(100) NOT NULL,
    kind     VARCHAR(40)  NOT NULL,
    sent_at  BIGINT       NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
