-- Integration: webhook subscriptions of an organisation, and the deliveries of its outbox events to them.
CREATE SCHEMA integration;

-- An endpoint that receives the tenant's events. The signing secret is kept encrypted (shown once, when created); no
-- event types means every type. A paused subscription still collects deliveries but sends none until resumed.
CREATE TABLE integration.webhook_subscriptions (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    secret_cipher   bytea       NOT NULL,
    event_types     text[]      NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- How far the fan-out has read the tenant's outbox for a subscription (its last position). The delivery worker
-- advances it with every event, so it lives apart from the subscription: administrators' row locks and the audit
-- trail of the subscription stay out of the worker's way.
CREATE TABLE integration.webhook_checkpoints (
    tenant_id       uuid   NOT NULL,
    subscription_id uuid   NOT NULL,
    last_position   bigint NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES integration.webhook_subscriptions (tenant_id, id) ON DELETE CASCADE
);

-- One event on its way to one subscription. pending until it succeeds (2xx), fails for good (a 4xx other than 408
-- and 429: not retried) or dies (retries exhausted). A claimed delivery stays pending while it is sent, with a lease
-- (locked_until, lease_id) that no other worker takes before it expires, so later events of the same entity wait.
CREATE TABLE integration.webhook_deliveries (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    subscription_id  uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    event_position   bigint      NOT NULL,
    event_type       text        NOT NULL,
    entity_id        uuid        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    lease_id         uuid,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES integration.webhook_subscriptions (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT webhook_deliveries_event_key UNIQUE (tenant_id, subscription_id, event_id)
);
-- The delivery log, newest event first.
CREATE INDEX webhook_deliveries_log ON integration.webhook_deliveries (tenant_id, subscription_id, event_position);
-- The earlier pending deliveries of an entity, which hold back its later ones.
CREATE INDEX webhook_deliveries_entity_pending ON integration.webhook_deliveries (tenant_id, subscription_id, entity_id, event_position)
    WHERE status = 'pending';
-- What the worker looks for on every poll, across tenants.
CREATE INDEX webhook_deliveries_due ON integration.webhook_deliveries (next_attempt_at) WHERE status = 'pending';

SELECT shared.track_changes('integration.webhook_subscriptions');
