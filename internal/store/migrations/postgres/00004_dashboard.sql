-- +goose Up
-- Covering indexes for the activity dashboard: each of its figures reads one
-- index range for the period instead of visiting table rows.
CREATE INDEX activity_at_actor ON activity (at, actor_id);
CREATE INDEX vettings_done ON vettings (status, finished_at)
    INCLUDE (verdict, score, job_id, requested_by);
CREATE INDEX vettings_requested_at ON vettings (requested_at) INCLUDE (requested_by, job_id);
CREATE INDEX decisions_dashboard ON decisions (decided_at) INCLUDE (decided_by, job_id);
CREATE INDEX candidates_dashboard ON candidates (is_deleted, stage)
    INCLUDE (job_id, uploaded_by);

-- Every new activity row is announced on the channel shortlist_activity with
-- its id as the payload. NOTIFY is transactional: listeners hear of the row
-- when, and only if, the transaction that wrote it commits. Doing it in a
-- trigger covers every statement that appends to the log.
-- +goose StatementBegin
CREATE FUNCTION activity_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('shortlist_activity', NEW.id::text);
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER activity_notify AFTER INSERT ON activity
    FOR EACH ROW EXECUTE FUNCTION activity_notify();

-- +goose Down
DROP TRIGGER activity_notify ON activity;
DROP FUNCTION activity_notify();
DROP INDEX candidates_dashboard;
DROP INDEX decisions_dashboard;
DROP INDEX vettings_requested_at;
DROP INDEX vettings_done;
DROP INDEX activity_at_actor;
