-- Courses, their modules and lessons. Every query the catalog runs has an index here:
-- see the README section "Courses and media" for which query uses which.
CREATE TABLE courses
(
  id          UUID                     NOT NULL PRIMARY KEY,
  code        VARCHAR(11)              NOT NULL,
  title       VARCHAR(200)             NOT NULL,
  description VARCHAR(10000)           NOT NULL,
  teacher_id  UUID                     NOT NULL REFERENCES users (id),
  price       NUMERIC(10, 2)           NOT NULL,
  currency    CHAR(3)                  NOT NULL,
  published   BOOLEAN                  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT courses_price_check CHECK (price >= 0)
);
CREATE UNIQUE INDEX courses_code_key ON courses (code);
-- The public catalog: published courses, newest first (scanned backwards for DESC).
CREATE INDEX courses_published_created_idx ON courses (published, created_at, id);
-- A teacher's courses, newest first; also serves the foreign key to users.
CREATE INDEX courses_teacher_created_idx ON courses (teacher_id, created_at, id);

CREATE TABLE course_modules
(
  id        UUID         NOT NULL PRIMARY KEY,
  course_id UUID         NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  number    INTEGER      NOT NULL,
  title     VARCHAR(200) NOT NULL,
  CONSTRAINT course_modules_number_check CHECK (number >= 1)
);
-- Modules by course in order, and the uniqueness of their numbers.
CREATE UNIQUE INDEX course_modules_course_number_key ON course_modules (course_id, number);

CREATE TABLE lessons
(
  id               UUID          NOT NULL PRIMARY KEY,
  module_id        UUID          NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
  position         INTEGER       NOT NULL,
  title            VARCHAR(200)  NOT NULL,
  kind             VARCHAR(8)    NOT NULL,
  body             VARCHAR(100000),
  duration_seconds INTEGER,
  media_sha256     CHAR(64),
  media_type       VARCHAR(100),
  media_name       VARCHAR(200),
  media_size       BIGINT,
  CONSTRAINT lessons_kind_check CHECK (kind IN ('TEXT', 'VIDEO', 'FILE')),
  CONSTRAINT lessons_position_check CHECK (position >= 1),
  CONSTRAINT lessons_duration_check CHECK (duration_seconds IS NULL OR duration_seconds >= 0)
);
-- Lessons by module in order, and the uniqueness of their positions.
CREATE UNIQUE INDEX lessons_module_position_key ON lessons (module_id, position);
-- Who may download a media file: the lessons that use it.
CREATE INDEX lessons_media_idx ON lessons (media_sha256);
