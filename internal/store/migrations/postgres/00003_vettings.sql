-- +goose Up
CREATE TABLE vettings (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id      BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    job_id            BIGINT NOT NULL REFERENCES jobs (id),
    status            TEXT NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    engine            TEXT NOT NULL,
    model             TEXT NOT NULL DEFAULT '',
    rubric_version    TEXT NOT NULL DEFAULT '',
    input_hash        TEXT NOT NULL DEFAULT '',
    requirements_hash TEXT NOT NULL DEFAULT '',
    params            TEXT NOT NULL DEFAULT '{}',
    raw_output        TEXT NOT NULL DEFAULT '',
    score             INTEGER,
    verdict           TEXT NOT NULL DEFAULT '',
    summary           TEXT NOT NULL DEFAULT '',
    requirements      TEXT NOT NULL DEFAULT '[]',
    tokens_in         INTEGER NOT NULL DEFAULT 0,
    tokens_out        INTEGER NOT NULL DEFAULT 0,
    duration_ms       INTEGER NOT NULL DEFAULT 0,
    attempts          INTEGER NOT NULL DEFAULT 0,
    error             TEXT NOT NULL DEFAULT '',
    requested_by      BIGINT REFERENCES users (id),
    requested_at      TIMESTAMPTZ NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ
);
CREATE INDEX vettings_candidate_job ON vettings (candidate_id, job_id, id);
CREATE INDEX vettings_job_status ON vettings (job_id, status);
CREATE INDEX vettings_status ON vettings (status, id);
CREATE INDEX vettings_finished_at ON vettings (finished_at);

CREATE TABLE decisions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id   BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    job_id         BIGINT REFERENCES jobs (id),
    stage          TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    engine_verdict TEXT NOT NULL DEFAULT '',
    overrules      BOOLEAN NOT NULL DEFAULT FALSE,
    decided_by     BIGINT REFERENCES users (id),
    decided_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_candidate ON decisions (candidate_id, id);
CREATE INDEX decisions_decided_at ON decisions (decided_at);

-- +goose Down
DROP TABLE decisions;
DROP TABLE vettings;
