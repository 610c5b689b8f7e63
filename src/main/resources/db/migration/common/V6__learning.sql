-- Enrolments, purchases, progress and grades. Course and lesson ids belong to the catalog
-- module: they are stored here without foreign keys, so each module owns its own tables.
CREATE TABLE enrolments
(
  id           UUID                     NOT NULL PRIMARY KEY,
  student_id   UUID                     NOT NULL,
  course_id    UUID                     NOT NULL,
  status       VARCHAR(16)              NOT NULL,
  source       VARCHAR(16)              NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  -- Set once, when the student first completes every lesson: CourseCompleted is published once.
  completed_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT enrolments_status_check CHECK (status IN ('ACTIVE', 'CANCELLED')),
  CONSTRAINT enrolments_source_check CHECK (source IN ('FREE', 'PURCHASE', 'ADMIN'))
);
-- Also serves "a student's enrolments" (leading column).
CREATE UNIQUE INDEX enrolments_student_course_key ON enrolments (student_id, course_id);
CREATE INDEX enrolments_course_idx ON enrolments (course_id);

CREATE TABLE sales
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  enrolment_id       UUID                     NOT NULL REFERENCES enrolments (id),
  amount             NUMERIC(10, 2)           NOT NULL,
  currency           VARCHAR(3)               NOT NULL,
  provider           VARCHAR(32)              NOT NULL,
  provider_reference VARCHAR(200)             NOT NULL,
  status             VARCHAR(16)              NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sales_status_check CHECK (status IN ('PENDING', 'COMPLETED'))
);
CREATE INDEX sales_created_idx ON sales (created_at);
CREATE INDEX sales_enrolment_idx ON sales (enrolment_id);
CREATE UNIQUE INDEX sales_provider_reference_key ON sales (provider, provider_reference);

CREATE TABLE lesson_completions
(
  student_id   UUID                     NOT NULL,
  lesson_id    UUID                     NOT NULL,
  course_id    UUID                     NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (student_id, lesson_id)
);
CREATE INDEX lesson_completions_student_course_idx ON lesson_completions (student_id, course_id);

-- module_number 0 is the grade of the whole course: a sentinel instead of NULL, so the
-- unique index holds one course grade per student on both databases.
CREATE TABLE grades
(
  id            UUID                     NOT NULL PRIMARY KEY,
  student_id    UUID                     NOT NULL,
  course_id     UUID                     NOT NULL,
  module_number INT                      NOT NULL,
  score         NUMERIC(5, 2)            NOT NULL,
  comment       VARCHAR(2000),
  graded_by     UUID                     NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT grades_module_check CHECK (module_number >= 0),
  CONSTRAINT grades_score_check CHECK (score >= 0 AND score <= 100)
);
-- Also serves "a student's grades in a course" and "a student's grades" (leading columns).
CREATE UNIQUE INDEX grades_student_course_module_key ON grades (student_id, course_id, module_number);
CREATE INDEX grades_course_idx ON grades (course_id, student_id);

-- Responses to requests sent with an Idempotency-Key, stored in the transaction of the
-- request itself: the primary key makes a concurrent duplicate on any instance wait for the
-- first one and then read its response.
CREATE TABLE idempotency_keys
(
  caller_id       UUID                     NOT NULL,
  idempotency_key VARCHAR(100)             NOT NULL,
  request_hash    VARCHAR(64)              NOT NULL,
  response_status INT,
  response_body   VARCHAR(8000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (caller_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
