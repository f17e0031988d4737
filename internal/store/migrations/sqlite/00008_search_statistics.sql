-- +goose Up
-- The PostgreSQL migration of this number samples more search words for the
-- planner. SQLite's full-text index is read the same way whatever the word,
-- so it needs nothing; this keeps the version numbers of both in step.
SELECT 1;

-- +goose Down
SELECT 1;
