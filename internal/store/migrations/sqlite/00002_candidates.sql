-- +goose Up
CREATE TABLE jobs (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    location          TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    requirements_hash TEXT NOT NULL DEFAULT '',
    created_by        INTEGER REFERENCES users (id),
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX jobs_status ON jobs (status, id);

CREATE TABLE job_requirements (
    id       INTEGER PRIMARY KEY,
    job_id   INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('must', 'nice', 'years', 'criterion')),
    text     TEXT NOT NULL,
    weight   REAL NOT NULL DEFAULT 1,
    years    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX job_requirements_job ON job_requirements (job_id, position);

CREATE TABLE candidates (
    id              INTEGER PRIMARY KEY,
    job_id          INTEGER REFERENCES jobs (id),
    name            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    links           TEXT NOT NULL DEFAULT '[]',
    stage           TEXT NOT NULL DEFAULT 'new',
    resume_text     TEXT NOT NULL DEFAULT '',
    hidden_text     TEXT NOT NULL DEFAULT '[]',
    quality         TEXT NOT NULL DEFAULT '{}',
    sections        TEXT NOT NULL DEFAULT '[]',
    flags           TEXT NOT NULL DEFAULT '[]',
    needs_review    BOOLEAN NOT NULL DEFAULT FALSE,
    content_hash    TEXT NOT NULL UNIQUE,
    simhash_a       INTEGER NOT NULL DEFAULT 0,
    simhash_b       INTEGER NOT NULL DEFAULT 0,
    simhash_c       INTEGER NOT NULL DEFAULT 0,
    simhash_d       INTEGER NOT NULL DEFAULT 0,
    file_name       TEXT NOT NULL,
    file_kind       TEXT NOT NULL,
    file_size       INTEGER NOT NULL,
    score           INTEGER,
    uploaded_by     INTEGER REFERENCES users (id),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    is_deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_at      TIMESTAMP,
    deleted_by_id   INTEGER REFERENCES users (id),
    deleted_by      TEXT NOT NULL DEFAULT '',
    deletion_reason TEXT NOT NULL DEFAULT '',
    legal_hold      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX candidates_active ON candidates (is_deleted, id);
CREATE INDEX candidates_job ON candidates (job_id, is_deleted, id);
CREATE INDEX candidates_stage ON candidates (stage, is_deleted);
CREATE INDEX candidates_uploaded_by ON candidates (uploaded_by, is_deleted);
CREATE INDEX candidates_created_at ON candidates (created_at);
CREATE INDEX candidates_deleted_at ON candidates (is_deleted, deleted_at);
CREATE INDEX candidates_email ON candidates (email) WHERE email <> '';
CREATE INDEX candidates_phone ON candidates (phone) WHERE phone <> '';
CREATE INDEX candidates_simhash_a ON candidates (simhash_a);
CREATE INDEX candidates_simhash_b ON candidates (simhash_b);
CREATE INDEX candidates_simhash_c ON candidates (simhash_c);
CREATE INDEX candidates_simhash_d ON candidates (simhash_d);

CREATE TABLE candidate_files (
    candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    data         BLOB NOT NULL
);

-- Full-text search over name, email and resume text, kept in step with the
-- candidates table by triggers.
CREATE VIRTUAL TABLE candidates_fts USING fts5 (
    name, email, resume_text,
    content = 'candidates', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER candidates_fts_insert AFTER INSERT ON candidates BEGIN
    INSERT INTO candidates_fts (rowid, name, email, resume_text)
    VALUES (new.id, new.name, new.email, new.resume_text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER candidates_fts_delete AFTER DELETE ON candidates BEGIN
    INSERT INTO candidates_fts (candidates_fts, rowid, name, email, resume_text)
    VALUES ('delete', old.id, old.name, old.email, old.resume_text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER candidates_fts_update AFTER UPDATE OF name, email, resume_text ON candidates BEGIN
    INSERT INTO candidates_fts (candidates_fts, rowid, name, email, resume_text)
    VALUES ('delete', old.id, old.name, old.email, old.resume_text);
    INSERT INTO candidates_fts (rowid, name, email, resume_text)
    VALUES (new.id, new.name, new.email, new.resume_text);
END;
-- +goose StatementEnd

CREATE INDEX activity_subject ON activity (subject_type, subject_id, id);

-- +goose Down
DROP INDEX activity_subject;
DROP TRIGGER candidates_fts_update;
DROP TRIGGER candidates_fts_delete;
DROP TRIGGER candidates_fts_insert;
DROP TABLE candidates_fts;
DROP TABLE candidate_files;
DROP TABLE candidates;
DROP TABLE job_requirements;
DROP TABLE jobs;
