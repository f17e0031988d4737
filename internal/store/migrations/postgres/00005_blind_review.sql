-- +goose Up
-- A blind job hides who a candidate is from the engines and, until a
-- decision is made, from reviewers.
ALTER TABLE jobs ADD COLUMN blind BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE jobs DROP COLUMN blind;
