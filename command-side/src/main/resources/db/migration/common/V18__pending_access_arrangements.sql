-- The one request of each kind a candidate may have awaiting IMI's decision (ADRs 0153 and 0162): a row while an
-- access arrangement of that kind is PENDING, inserted with AccessArrangementRequested (not for one the policy
-- approved in the same unit of work) and deleted when IMI approves or rejects it. The primary key is what makes it
-- one at a time, also when two requests of a kind are made at the same moment: the later transaction fails on it
-- and the whole command rolls back, its events with it. Written by the command side's lookup processor in the
-- transaction of the events, as access_arrangements is.
CREATE TABLE IF NOT EXISTS pending_access_arrangements (
    candidate_id   VARCHAR(100) NOT NULL,
    kind           VARCHAR(24)  NOT NULL,
    arrangement_id VARCHAR(100) NOT NULL UNIQUE,
    PRIMARY KEY (candidate_id, kind)
);

-- An existing installation's requests still PENDING hold their key. Two of a kind left PENDING by requests made at
-- the same moment before the key existed both stay in IMI's queue; the least id holds the key until it is
-- decided. Re-run safely: only a key not held yet is inserted.
INSERT INTO pending_access_arrangements (candidate_id, kind, arrangement_id)
SELECT waiting.candidate_id, waiting.kind, MIN(waiting.arrangement_id)
FROM access_arrangements waiting
WHERE waiting.status = 'PENDING'
  AND NOT EXISTS (
      SELECT 1 FROM pending_access_arrangements held
      WHERE held.candidate_id = waiting.candidate_id AND held.kind = waiting.kind)
GROUP BY waiting.candidate_id, waiting.kind;
