-- The personal-data key store (ADR 0163): one AES-256 key per data subject (a candidate's or a user's id), with which
-- the personal fields of the events about them are encrypted. Never in an event, a log or a read model. Erasing a
-- subject deletes its key and leaves a row in erased_data_subjects, in the transaction of CandidateErased: the events
-- stay as they were stored, and their personal fields read as erased from then on. A subject erased once is never
-- given a key again, so a personal field recorded about them afterwards is stored as erased.
CREATE TABLE IF NOT EXISTS personal_data_keys (
    subject_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    key_material VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

-- compacted: the embedded H2 file has been rewritten since the key was deleted, so that no free page of it still
-- holds the key (done when the application stops; ADR 0163).
CREATE TABLE IF NOT EXISTS erased_data_subjects (
    subject_id VARCHAR(100) NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMP    NOT NULL,
    compacted  BOOLEAN      DEFAULT FALSE NOT NULL
);

-- An erased candidate's row in the candidate directory keeps no name or date of birth: the duplicate key is emptied
-- and the date of birth left null (ADR 0163).
ALTER TABLE candidate_directory ALTER COLUMN date_of_birth DROP NOT NULL;

-- The one request to seal the events an earlier release stored in clear (ADR 0164): the row is left by migration
-- V19.2 where there were events, and marked when the request is made.
CREATE TABLE IF NOT EXISTS personal_data_sealing (
    id           INTEGER   NOT NULL PRIMARY KEY,
    due_since    TIMESTAMP NOT NULL,
    requested_at TIMESTAMP
);
