-- Email delivery: each outbox row is delivered by an 'email.deliver' job queued in the same
-- transaction. LOGGED means written to the log because no SMTP server is configured; FAILED
-- means given up (a permanent failure or the last attempt).
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
  CHECK (status IN ('PENDING', 'SENT', 'LOGGED', 'FAILED'));

-- Emails queued before delivery existed have no job and would wait forever; their links
-- have long expired or are about to. Say so instead of leaving them pending.
UPDATE email_outbox
SET status = 'FAILED', last_error = 'Queued before Aula delivered email; never sent'
WHERE status = 'PENDING';
