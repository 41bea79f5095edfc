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

CREATE TABLE IF NOT EXISTS erased_data_subjects (
    subject_id VARCHAR(100) NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMP    NOT NULL
);
