-- Emails to send, written in the same transaction as the action that caused them, so an email
-- exists if and only if that action committed. A delivery job sends PENDING rows over SMTP.
CREATE TABLE email_outbox
(
  id         UUID                     NOT NULL PRIMARY KEY,
  recipient  VARCHAR(320)             NOT NULL,
  subject    VARCHAR(300)             NOT NULL,
  body       TEXT                     NOT NULL,
  status     VARCHAR(16)              NOT NULL,
  attempts   INT                      NOT NULL DEFAULT 0,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE,
  last_error VARCHAR(1000),
  CONSTRAINT email_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX email_outbox_by_status_idx ON email_outbox (status, created_at);
CREATE INDEX email_outbox_by_recipient_idx ON email_outbox (recipient, created_at);
