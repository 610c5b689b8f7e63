-- Who did what, when and from where. Rows are written in the same transaction as the change
-- they describe and are never updated. changes holds JSON text with credentials removed.
CREATE TABLE audit_log
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
  request_id  VARCHAR(128)
);
CREATE INDEX audit_log_by_time_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_by_actor_idx ON audit_log (actor_id, occurred_at);
CREATE INDEX audit_log_by_action_idx ON audit_log (action, occurred_at);
CREATE INDEX audit_log_by_entity_idx ON audit_log (entity_type, entity_id);
