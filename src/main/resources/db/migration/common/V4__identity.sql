-- Users, their sessions (refresh-token families), invitations and password resets.
-- Tokens are stored only as SHA-256 hashes: a copy of this database cannot be used to log in.
CREATE TABLE users
(
  id            UUID                     NOT NULL PRIMARY KEY,
  email         VARCHAR(320)             NOT NULL,
  full_name     VARCHAR(200)             NOT NULL,
  national_id   VARCHAR(32),
  role          VARCHAR(16)              NOT NULL,
  password_hash VARCHAR(200),
  active        BOOLEAN                  NOT NULL,
  registered    BOOLEAN                  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE,
  last_login_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'TEACHER', 'STUDENT'))
);
-- Emails are stored normalised (trimmed, lower case), so a plain unique index is case-insensitive.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_national_id_key ON users (national_id);
CREATE INDEX users_role_idx ON users (role, created_at);
CREATE INDEX users_created_idx ON users (created_at);

CREATE TABLE refresh_tokens
(
  id         UUID                     NOT NULL PRIMARY KEY,
  user_id    UUID                     NOT NULL REFERENCES users (id),
  family_id  UUID                     NOT NULL,
  token_hash VARCHAR(64)              NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id, revoked_at);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

CREATE TABLE invitations
(
  id          UUID                     NOT NULL PRIMARY KEY,
  user_id     UUID                     NOT NULL REFERENCES users (id),
  email       VARCHAR(320)             NOT NULL,
  role        VARCHAR(16)              NOT NULL,
  token_hash  VARCHAR(64)              NOT NULL,
  invited_by  UUID,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE,
  revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX invitations_hash_key ON invitations (token_hash);
CREATE INDEX invitations_created_idx ON invitations (created_at);
CREATE INDEX invitations_email_idx ON invitations (email);
CREATE INDEX invitations_expires_idx ON invitations (expires_at);

CREATE TABLE password_resets
(
  id         UUID                     NOT NULL PRIMARY KEY,
  user_id    UUID                     NOT NULL REFERENCES users (id),
  token_hash VARCHAR(64)              NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX password_resets_hash_key ON password_resets (token_hash);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
CREATE INDEX password_resets_expires_idx ON password_resets (expires_at);
