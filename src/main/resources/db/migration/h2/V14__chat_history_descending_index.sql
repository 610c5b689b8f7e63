-- The latest messages of a room (ORDER BY seq DESC FETCH FIRST n) read every message of the
-- room on H2, which does not walk the unique (room_id, seq) index backwards: under load that
-- query took a quarter of the embedded mode's CPU. PostgreSQL scans that index backwards and
-- needs no second one, so this migration is H2's alone.
CREATE INDEX chat_messages_room_seq_desc_idx ON chat_messages (room_id, seq DESC);
