-- Durable log of domain events published between modules (Spring Modulith), written in the
-- same transaction as the change that published them, so a crash loses no reaction.
CREATE TABLE event_publication
(
  id                     UUID                        NOT NULL PRIMARY KEY,
  listener_id            VARCHAR(512)                NOT NULL,
  event_type             VARCHAR(512)                NOT NULL,
  serialized_event       VARCHAR(8000)               NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_id_and_serialized_event_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
