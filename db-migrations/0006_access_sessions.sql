-- Sign-in sessions live on the server: the cookie carries only their key, so signing out ends a session for good
-- (a copy of the cookie is worthless afterwards) and every session has an absolute end however active it is.
-- Infrastructure, like the key ring: not part of the audit trail.
CREATE TABLE access.sessions (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    ticket       bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sessions_user ON access.sessions (tenant_id, user_id);
