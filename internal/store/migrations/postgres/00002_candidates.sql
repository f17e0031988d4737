-- +goose Up
CREATE TABLE jobs (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    location          TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    requirements_hash TEXT NOT NULL DEFAULT '',
    created_by        BIGINT REFERENCES users (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_status ON jobs (status, id);

CREATE TABLE job_requirements (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id   BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('must', 'nice', 'years', 'criterion')),
    text     TEXT NOT NULL,
    weight   DOUBLE PRECISION NOT NULL DEFAULT 1,
    years    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX job_requirements_job ON job_requirements (job_id, position);

CREATE TABLE candidates (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id          BIGINT REFERENCES jobs (id),
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
    file_size       BIGINT NOT NULL,
    score           INTEGER,
    uploaded_by     BIGINT REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    is_deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_at      TIMESTAMPTZ,
    deleted_by_id   BIGINT REFERENCES users (id),
    deleted_by      TEXT NOT NULL DEFAULT '',
    deletion_reason TEXT NOT NULL DEFAULT '',
    legal_hold      BOOLEAN NOT NULL DEFAULT FALSE,
    -- Words of the name and email (split at punctuation, so that a part of
    -- an address matches) and of the resume, without stemming, so that search
    -- behaves as on SQLite.
    search          TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple',
            name || ' ' || regexp_replace(email, '[^[:alnum:]]+', ' ', 'g')), 'A') ||
        setweight(to_tsvector('simple', resume_text), 'B')
    ) STORED
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
CREATE INDEX candidates_search ON candidates USING GIN (search);

CREATE TABLE candidate_files (
    candidate_id BIGINT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    data         BYTEA NOT NULL
);

CREATE INDEX activity_subject ON activity (subject_type, subject_id, id);

-- +goose Down
DROP INDEX activity_subject;
DROP TABLE candidate_files;
DROP TABLE candidates;
DROP TABLE job_requirements;
DROP TABLE jobs;
