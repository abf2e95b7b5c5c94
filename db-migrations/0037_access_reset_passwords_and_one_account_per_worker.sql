-- A password an administrator reset was made by the API and seen by the administrator: until its user has chosen their
-- own, the account may do nothing but that (and read who it is, and sign out).
ALTER TABLE access.users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- A worker is one person with one account (which may hold several roles): two accounts linked to the same worker would
-- both act as that worker, checking in, voting and proposing.
CREATE UNIQUE INDEX users_worker_key ON access.users (tenant_id, worker_id) WHERE worker_id IS NOT NULL;
