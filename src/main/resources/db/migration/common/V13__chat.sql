-- Chat: one room per course (its id is the course's id) and one per pair of users for direct
-- messages. Course and user ids belong to the catalog and identity: no foreign keys to them.
-- last_seq is the seq of the room's latest message. A send increments it under the room's row
-- lock and stores its message in the same transaction, so seqs are gap-free and strictly
-- increasing per room, and seq n + 1 is never committed before seq n.
CREATE TABLE chat_rooms
(
  id         UUID                     NOT NULL PRIMARY KEY,
  kind       VARCHAR(8)               NOT NULL,
  -- Direct rooms: the two users, the smaller id first, so a pair has one room.
  user_low   UUID,
  user_high  UUID,
  last_seq   BIGINT                   NOT NULL DEFAULT 0,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT chat_rooms_kind_check CHECK ((kind = 'COURSE' AND user_low IS NULL AND user_high IS NULL)
    OR (kind = 'DIRECT' AND user_low IS NOT NULL AND user_high IS NOT NULL AND user_low < user_high))
);
-- "My direct rooms": user_low = ? OR user_high = ?, one index for each side.
CREATE UNIQUE INDEX chat_rooms_direct_key ON chat_rooms (user_low, user_high);
CREATE INDEX chat_rooms_user_high_idx ON chat_rooms (user_high);

CREATE TABLE chat_messages
(
  id                UUID                     NOT NULL PRIMARY KEY,
  room_id           UUID                     NOT NULL REFERENCES chat_rooms (id),
  seq               BIGINT                   NOT NULL,
  sender_id         UUID                     NOT NULL,
  -- The sender's id for the message: a retried send finds the stored one instead of storing twice.
  client_message_id VARCHAR(64)              NOT NULL,
  -- Plain text as sent, at most 4,000 characters (code points, checked by Aula); NULL once
  -- deleted (the row stays as a tombstone, keeping its seq). 8000 because H2 counts UTF-16
  -- units, and a character outside the BMP takes two.
  body              VARCHAR(8000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at        TIMESTAMP WITH TIME ZONE,
  deleted_by        UUID,
  CONSTRAINT chat_messages_tombstone_check CHECK ((deleted_at IS NULL AND body IS NOT NULL)
    OR (deleted_at IS NOT NULL AND body IS NULL AND deleted_by IS NOT NULL))
);
-- History pages and catch-up reads by (room, seq); also keeps a seq from being used twice.
CREATE UNIQUE INDEX chat_messages_room_seq_key ON chat_messages (room_id, seq);
CREATE UNIQUE INDEX chat_messages_sender_client_key ON chat_messages (sender_id, client_message_id);

-- How far each member has read each room: unread = last_seq - last_read_seq.
CREATE TABLE chat_reads
(
  user_id       UUID   NOT NULL,
  room_id       UUID   NOT NULL REFERENCES chat_rooms (id),
  last_read_seq BIGINT NOT NULL,
  PRIMARY KEY (user_id, room_id)
);

-- Single-use tickets for opening a chat socket, by the SHA-256 of the ticket.
CREATE TABLE chat_tickets
(
  ticket_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
  user_id     UUID                     NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_tickets_expires_idx ON chat_tickets (expires_at);
