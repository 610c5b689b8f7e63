-- The job ledger: every background job, its state, attempts and progress, kept after it
-- finishes so admins can see what ran. db-scheduler's scheduled_tasks holds only what is
-- still due; a job and its execution are written in the same transaction.
CREATE TABLE jobs
(
  id               UUID                     NOT NULL PRIMARY KEY,
  type             VARCHAR(64)              NOT NULL,
  payload          VARCHAR(4000)            NOT NULL,
  serial_key       VARCHAR(200),
  state            VARCHAR(16)              NOT NULL,
  attempts         INT                      NOT NULL DEFAULT 0,
  max_attempts     INT                      NOT NULL,
  progress         INT,
  progress_message VARCHAR(200),
  last_error       VARCHAR(2000),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT jobs_state_check CHECK (state IN ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD')),
  CONSTRAINT jobs_progress_check CHECK (progress IS NULL OR (progress >= 0 AND progress <= 100))
);
CREATE INDEX jobs_state_created_idx ON jobs (state, created_at);
CREATE INDEX jobs_type_state_created_idx ON jobs (type, state, created_at);
CREATE INDEX jobs_created_idx ON jobs (created_at);
CREATE INDEX jobs_finished_idx ON jobs (finished_at);

-- One row per serial key while a job holding it runs: the primary key makes claiming the
-- key atomic across instances. A lease bounds how long a lost holder can block the key.
CREATE TABLE job_locks
(
  serial_key   VARCHAR(200)             NOT NULL PRIMARY KEY,
  job_id       UUID                     NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE NOT NULL
);
