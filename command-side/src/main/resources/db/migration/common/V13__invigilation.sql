-- Invigilation (ADR 0154).

-- The running attempts of a centre, which an invigilator pauses and resumes together in an emergency, and since
-- when each is paused (null: running), kept by AttemptPaused and AttemptResumed.
ALTER TABLE assessment_attempts ADD COLUMN IF NOT EXISTS paused_at BIGINT;
CREATE INDEX IF NOT EXISTS assessment_attempts_centre_status ON assessment_attempts (centre_id, status);

-- Every incident recorded in an examination room, kept by IncidentRecorded, and the attempts it was recorded
-- against: what a special consideration that names an incident is checked against.
CREATE TABLE IF NOT EXISTS invigilation_incidents (
    incident_id VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id   VARCHAR(100) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    occurred_at BIGINT       NOT NULL
);

CREATE TABLE IF NOT EXISTS invigilation_incident_attempts (
    incident_id  VARCHAR(100) NOT NULL,
    attempt_id   VARCHAR(100) NOT NULL,
    candidate_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, attempt_id)
);

CREATE INDEX IF NOT EXISTS invigilation_incident_attempts_attempt ON invigilation_incident_attempts (attempt_id);
