-- Proposals (提案): calls for proposals, proposals with their co-signers, handling departments and timeline.
CREATE SCHEMA proposals;

-- An enterprise's proposal rules; an enterprise without a row has the defaults.
CREATE TABLE proposals.settings (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    min_cosigners      int         NOT NULL DEFAULT 2 CHECK (min_cosigners BETWEEN 0 AND 20),
    handling_days      int         NOT NULL DEFAULT 30 CHECK (handling_days BETWEEN 1 AND 365),
    max_handling_rounds int        NOT NULL DEFAULT 2 CHECK (max_handling_rounds BETWEEN 1 AND 10),
    version            int         NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT settings_one_per_tenant CHECK (id = tenant_id)
);

-- A call for proposals (征集) on a theme for a period, perhaps ahead of a congress session (a Congress id, no FK).
CREATE TABLE proposals.calls (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    theme       text        NOT NULL CHECK (length(theme) BETWEEN 1 AND 200),
    description text        CHECK (length(description) <= 4000),
    opens_on    date        NOT NULL,
    closes_on   date        NOT NULL,
    session_id  uuid,
    version     int         NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (closes_on >= opens_on)
);

CREATE TABLE proposals.proposals (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    number               text,
    call_id              uuid,
    category             text        NOT NULL,
    title                text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    reasons              text        NOT NULL CHECK (length(reasons) <= 10000),
    suggestions          text        NOT NULL CHECK (length(suggestions) <= 10000),
    proposer_worker_id   uuid        NOT NULL,
    proposer_name        text        NOT NULL,
    status               text        NOT NULL DEFAULT 'draft',
    submitted_at         timestamptz,
    merged_into          uuid,
    lead_unit_id         uuid,
    lead_unit_name       text,
    handling_round       int         NOT NULL DEFAULT 0,
    assigned_at          timestamptz,
    due_on               date,
    due_at               timestamptz,
    answer               text        CHECK (length(answer) <= 10000),
    answered_at          timestamptz,
    rating               text,
    rating_comment       text        CHECK (length(rating_comment) <= 2000),
    rated_at             timestamptz,
    closed_at            timestamptz,
    version              int         NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT proposals_number_key UNIQUE (tenant_id, number),
    FOREIGN KEY (tenant_id, call_id) REFERENCES proposals.calls (tenant_id, id),
    FOREIGN KEY (tenant_id, merged_into) REFERENCES proposals.proposals (tenant_id, id)
);
CREATE INDEX proposals_by_status ON proposals.proposals (tenant_id, status, id);
CREATE INDEX proposals_by_proposer ON proposals.proposals (tenant_id, proposer_worker_id, id);
CREATE INDEX proposals_overdue ON proposals.proposals (tenant_id, due_at) WHERE status = 'assigned';

-- Representatives invited to co-sign (附议); only those who accepted count.
CREATE TABLE proposals.cosigners (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    proposal_id  uuid        NOT NULL,
    worker_id    uuid        NOT NULL,
    name         text        NOT NULL,
    status       text        NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined')),
    invited_at   timestamptz NOT NULL DEFAULT now(),
    responded_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT cosigners_once_key UNIQUE (tenant_id, proposal_id, worker_id),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals.proposals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cosigners_by_worker ON proposals.cosigners (tenant_id, worker_id);

-- The departments handling an accepted proposal: one lead, any co-handlers. The path (Directory's ids from the root
-- down to the unit) lets a handler granted at a department see what is assigned to it or below it.
CREATE TABLE proposals.handlers (
    tenant_id   uuid    NOT NULL,
    id          uuid    NOT NULL,
    proposal_id uuid    NOT NULL,
    unit_id     uuid    NOT NULL,
    unit_name   text    NOT NULL,
    unit_path   uuid[]  NOT NULL,
    is_lead     boolean NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT handlers_once_key UNIQUE (tenant_id, proposal_id, unit_id),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals.proposals (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX handlers_one_lead ON proposals.handlers (tenant_id, proposal_id) WHERE is_lead;
CREATE INDEX handlers_by_unit ON proposals.handlers USING gin (unit_path);

-- Every transition of a proposal: who, when, from what to what, and why.
CREATE TABLE proposals.timeline (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    proposal_id uuid        NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    actor_id    uuid,
    actor_name  text        NOT NULL,
    note        text        CHECK (length(note) <= 4000),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals.proposals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX timeline_by_proposal ON proposals.timeline (tenant_id, proposal_id, id);

SELECT shared.track_changes('proposals.settings');
SELECT shared.track_changes('proposals.calls');
SELECT shared.track_changes('proposals.proposals');
SELECT shared.track_changes('proposals.cosigners');
SELECT shared.track_changes('proposals.handlers');
