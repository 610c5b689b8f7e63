-- Certificates of completion. Student and course ids belong to identity and the catalog:
-- stored without foreign keys, and the names and title are copied as they were when the
-- certificate was issued, so a certificate never changes afterwards (except revocation).
CREATE TABLE certificates
(
  id             UUID                     NOT NULL PRIMARY KEY,
  -- Public verification code, e.g. 7K3M-Q9XD-2HPA-W5RT: 80 random bits in Crockford base32.
  code           VARCHAR(19)              NOT NULL,
  student_id     UUID                     NOT NULL,
  course_id      UUID                     NOT NULL,
  student_name   VARCHAR(200)             NOT NULL,
  course_title   VARCHAR(200)             NOT NULL,
  teacher_name   VARCHAR(200),
  completed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  -- The PDF in the media store, by the SHA-256 of its content.
  pdf_sha256     VARCHAR(64)              NOT NULL,
  pdf_size       BIGINT                   NOT NULL,
  status         VARCHAR(16)              NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  revoked_reason VARCHAR(500),
  CONSTRAINT certificates_status_check CHECK (status IN ('VALID', 'REVOKED')),
  CONSTRAINT certificates_revocation_check CHECK ((status = 'VALID' AND revoked_at IS NULL)
    OR (status = 'REVOKED' AND revoked_at IS NOT NULL))
);
CREATE UNIQUE INDEX certificates_code_key ON certificates (code);
-- One certificate per student and course, however often the completion is delivered; also
-- serves "a student's certificates" (leading column).
CREATE UNIQUE INDEX certificates_student_course_key ON certificates (student_id, course_id);
