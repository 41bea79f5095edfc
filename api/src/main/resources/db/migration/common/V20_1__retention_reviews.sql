-- The daily retention review (RetentionReview, ADR 0166): one row per day it ran, written in one transaction with the
-- emails it sent to IMI's administrators, so that a day is reviewed, and told, once, whichever node runs it. What it
-- found: how many candidate records were due for an IMI decision, how many of them fell due since the review
-- before, the longest due, and how many administrators were emailed. Counts and dates only: no one is named.
-- Portable: H2 2.x and PostgreSQL 15; it only creates what is missing.
CREATE TABLE IF NOT EXISTS retention_reviews (
    reviewed_on   DATE    NOT NULL PRIMARY KEY,
    reviewed_at   BIGINT  NOT NULL,
    due           BIGINT  NOT NULL,
    newly_due     BIGINT  NOT NULL,
    oldest_due_on DATE,
    notified      INTEGER NOT NULL
);
