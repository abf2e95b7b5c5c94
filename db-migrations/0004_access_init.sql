-- Access: user accounts, their role grants at organisation nodes, API clients for integrations, and the keys that
-- protect session cookies (shared by every API instance).
CREATE SCHEMA access;

-- tenant_id is the organisation the account belongs to. Login names are global: one sign-in page serves everyone.
CREATE TABLE access.users (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    login_name     text        NOT NULL CHECK (login_name ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
    password_hash  text        NOT NULL,
    -- Changes whenever the password changes or the account is disabled, ending every session signed in before.
    security_stamp uuid        NOT NULL,
    status         text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    worker_id      uuid,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    last_login_at  timestamptz,
    version        integer     NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX users_login_name_key ON access.users (login_name);
CREATE INDEX users_id ON access.users (id);

-- A role at an organisation node, covering its subtree. tenant_id is the user's.
CREATE TABLE access.grants (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('platformAdmin', 'regionAdmin', 'enterpriseAdmin', 'handler', 'representative', 'worker')),
    organisation_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES access.users (tenant_id, id),
    CONSTRAINT grants_once_key UNIQUE (tenant_id, user_id, role, organisation_id)
);

-- An integration acting for one organisation with a subset of permissions. Only a hash of its key is kept; the
-- prefix (the key's first part) finds it without scanning.
CREATE TABLE access.api_clients (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scopes          text[]      NOT NULL,
    key_prefix      text        NOT NULL,
    key_hash        bytea       NOT NULL,
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    created_by      uuid,
    last_used_at    timestamptz,
    rotated_at      timestamptz,
    revoked_at      timestamptz,
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_clients_key_prefix_key ON access.api_clients (key_prefix);
CREATE UNIQUE INDEX api_clients_name_key ON access.api_clients (tenant_id, name) WHERE status = 'active';

-- ASP.NET Core Data Protection keys: every instance reads the same ring, so a session made by one is read by all.
CREATE TABLE access.data_protection_keys (
    tenant_id     uuid        NOT NULL DEFAULT '00000000-0000-7000-8000-000000000001',
    id            uuid        NOT NULL,
    friendly_name text,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

SELECT shared.track_changes('access.users');
SELECT shared.track_changes('access.grants');
SELECT shared.track_changes('access.api_clients');
