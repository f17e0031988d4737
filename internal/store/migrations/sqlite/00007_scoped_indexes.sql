-- +goose Up
-- Indexes for the dashboard of one person or one job, and for a job's
-- shortlist. The indexes of 00004_dashboard serve the whole team's view,
-- which reads every row of the period anyway; one person's view through them
-- read the whole period (or, for stages, every active candidate) to keep a
-- twentieth of it. These lead with the person or the job, so each figure
-- reads only its own rows.
CREATE INDEX candidates_uploader_stage ON candidates (uploaded_by, is_deleted, stage);
DROP INDEX candidates_uploaded_by;
CREATE INDEX candidates_job_stage ON candidates (job_id, is_deleted, stage);
CREATE INDEX vettings_requester_done ON vettings (requested_by, status, finished_at, verdict,
    score, job_id);
CREATE INDEX vettings_requester_at ON vettings (requested_by, requested_at, job_id);
CREATE INDEX vettings_job_done ON vettings (job_id, status, finished_at, verdict, score,
    requested_by);
DROP INDEX vettings_job_status;
-- A job's shortlist reads all its vettings, candidate by candidate, from
-- this index alone, however often candidates were vetted again.
CREATE INDEX vettings_job_candidate ON vettings (job_id, candidate_id, id, status, verdict,
    score);
CREATE INDEX decisions_decider_at ON decisions (decided_by, decided_at, job_id);
CREATE INDEX decisions_job_at ON decisions (job_id, decided_at, decided_by);

-- +goose Down
DROP INDEX vettings_job_candidate;
DROP INDEX decisions_job_at;
DROP INDEX decisions_decider_at;
CREATE INDEX vettings_job_status ON vettings (job_id, status);
DROP INDEX vettings_job_done;
DROP INDEX vettings_requester_at;
DROP INDEX vettings_requester_done;
DROP INDEX candidates_job_stage;
CREATE INDEX candidates_uploaded_by ON candidates (uploaded_by, is_deleted);
DROP INDEX candidates_uploader_stage;
