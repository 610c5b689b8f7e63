-- Audit entries older than aula.audit.archive-after, moved here in batches by the daily
-- audit.archive job so the live log stays small. Same columns as audit_log, plus when the
-- row was moved; GET /api/admin/audit?archived=true searches it with the same filters, and
-- each filter of that search has its index here.
CREATE TABLE audit_log_archive
(
  id          UUID                     NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id    UUID,
  action      VARCHAR(64)              NOT NULL,
  entity_type VARCHAR(64),
  entity_id   VARCHAR(64),
  changes     TEXT                     NOT NULL,
  ip          VARCHAR(64),
  user_agent  VARCHAR(512),
  request_id  VARCHAR(128),
  archived_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_log_archive_by_time_idx ON audit_log_archive (occurred_at);
CREATE INDEX audit_log_archive_by_actor_idx ON audit_log_archive (actor_id, occurred_at);
CREATE INDEX audit_log_archive_by_action_idx ON audit_log_archive (action, occurred_at);
CREATE INDEX audit_log_archive_by_entity_idx ON audit_log_archive (entity_type, occurred_at);

-- The daily identity cleanup deletes a login's refresh tokens only when none of them is
-- usable any more: "does this family have a token expiring after the cutoff" can be
-- answered from this index alone. It also serves every lookup by family, so it replaces
-- the index on family_id.
CREATE INDEX refresh_tokens_family_expires_idx ON refresh_tokens (family_id, expires_at);
DROP INDEX refresh_tokens_family_idx;
