-- The transactional outbox: domain events written in the same transaction as the change they describe. Positions
-- come from one sequence under a per-tenant lock held until commit, so within a tenant they are given out and
-- committed in the same order: a reader that has seen position N will never later find a smaller one appear.
CREATE SEQUENCE shared.outbox_position;

CREATE TABLE shared.outbox (
    tenant_id   uuid        NOT NULL,
    position    bigint      NOT NULL,
    id          uuid        NOT NULL,
    type        text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    data        jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, position)
);
CREATE INDEX outbox_in_position_order ON shared.outbox (position);

-- Same key, same caller: the stored response; the key is forgotten after expires_at.
CREATE TABLE shared.idempotency_keys (
    tenant_id        uuid        NOT NULL,
    caller_id        uuid        NOT NULL,
    key              text        NOT NULL,
    fingerprint      bytea       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('inFlight', 'completed')),
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, caller_id, key)
);
CREATE INDEX idempotency_keys_expiry ON shared.idempotency_keys (expires_at);
