-- The optional notification kinds each user has turned off (NotificationPreferencesChanged holds the whole set):
-- a user without rows gets every notification meant for them.
CREATE TABLE IF NOT EXISTS notification_opt_outs (
    user_id VARCHAR(100) NOT NULL,
    kind    VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- A notice to a centre reaches its active users: found by centre.
CREATE INDEX IF NOT EXISTS user_directory_centre ON user_directory (centre_id);
