-- +goose Up
-- The visible resume text with passages addressed to a model taken out, as
-- engines read it; kept at upload so that vetting need not scan it again.
-- Empty for candidates uploaded before this column existed.
ALTER TABLE candidates ADD COLUMN engine_text TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE candidates DROP COLUMN engine_text;
