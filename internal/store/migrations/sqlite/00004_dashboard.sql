-- +goose Up
-- Covering indexes for the activity dashboard: each of its figures reads one
-- index range for the period instead of visiting table rows.
CREATE INDEX activity_at_actor ON activity (at, actor_id);
CREATE INDEX vettings_done ON vettings (status, finished_at, verdict, score, job_id, requested_by);
CREATE INDEX vettings_requested_at ON vettings (requested_at, requested_by, job_id);
CREATE INDEX decisions_dashboard ON decisions (decided_at, decided_by, job_id);
CREATE INDEX candidates_dashboard ON candidates (is_deleted, stage, job_id, uploaded_by);

-- +goose Down
DROP INDEX candidates_dashboard;
DROP INDEX decisions_dashboard;
DROP INDEX vettings_requested_at;
DROP INDEX vettings_done;
DROP INDEX activity_at_actor;
