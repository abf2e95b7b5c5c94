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
    decision_note        text        CHECK (length(decision_note) <= 4000),
    handling_round       int         NOT NULL DEFAULT 0,
    assigned_at          timestamptz,
    due_on               date,
    due_at               timestamptz,
    reminded_on          date,
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
CREATE INDEX proposals_overdue ON proposals.proposals (due_at) WHERE status = 'assigned';
CREATE INDEX proposals_submitted ON proposals.proposals (tenant_id, submitted_at);

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

-- Files attached to a proposal (photos of the problem, drawings, figures), named by size and sha256 here; their bytes
-- are in attachment_contents, held to this audited row by a foreign key and kept out of the audit trail.
CREATE TABLE proposals.attachments (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    proposal_id  uuid        NOT NULL,
    file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size > 0),
    sha256       text        NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT attachments_file_key UNIQUE (tenant_id, id, sha256, size),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals.proposals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_by_proposal ON proposals.attachments (tenant_id, proposal_id, id);

CREATE TABLE proposals.attachment_contents (
    tenant_id uuid   NOT NULL,
    id        uuid   NOT NULL,
    content   bytea  NOT NULL,
    sha256    text   GENERATED ALWAYS AS (encode(sha256(content), 'hex')) STORED,
    size      bigint GENERATED ALWAYS AS (octet_length(content)) STORED,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, id, sha256, size) REFERENCES proposals.attachments (tenant_id, id, sha256, size) ON DELETE CASCADE
);

-- Congress resolutions as Congress announced them (ResolutionAdopted), so proposals can name the one they led to.
CREATE TABLE proposals.resolutions (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    session_id uuid        NOT NULL,
    motion_id  uuid        NOT NULL,
    item       int         NOT NULL,
    title      text        NOT NULL,
    adopted_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE proposals.resolution_links (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    proposal_id   uuid        NOT NULL,
    resolution_id uuid        NOT NULL,
    linked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT resolution_links_once_key UNIQUE (tenant_id, proposal_id, resolution_id),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals.proposals (tenant_id, id),
    FOREIGN KEY (tenant_id, resolution_id) REFERENCES proposals.resolutions (tenant_id, id)
);

-- Regional excellent-proposal awards (优秀提案评选). Every row below belongs to the region running the campaign: a
-- nomination is the region's own snapshot of an enterprise's closed proposal, so the region never reads the
-- enterprise's proposals themselves.
CREATE TABLE proposals.award_campaigns (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description          text        CHECK (length(description) <= 4000),
    nominations_close_on date        NOT NULL,
    status               text        NOT NULL DEFAULT 'nominating' CHECK (status IN ('nominating', 'reviewing', 'decided')),
    version              int         NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- What reviewers score, each from 0 to 100, weighted (weights of a campaign add up to 100).
CREATE TABLE proposals.award_criteria (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    campaign_id uuid NOT NULL,
    position    int  NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    weight      int  NOT NULL CHECK (weight BETWEEN 1 AND 100),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT award_criteria_position_key UNIQUE (tenant_id, campaign_id, position),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES proposals.award_campaigns (tenant_id, id) ON DELETE CASCADE
);

-- Who scores: a user account of the region, and the enterprise they come from, whose nominations they may not score.
CREATE TABLE proposals.award_reviewers (
    tenant_id       uuid NOT NULL,
    id              uuid NOT NULL,
    campaign_id     uuid NOT NULL,
    user_id         uuid NOT NULL,
    name            text NOT NULL,
    enterprise_id   uuid,
    enterprise_name text,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT award_reviewers_once_key UNIQUE (tenant_id, campaign_id, user_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES proposals.award_campaigns (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE proposals.award_nominations (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    campaign_id     uuid        NOT NULL,
    enterprise_id   uuid        NOT NULL,
    enterprise_name text        NOT NULL,
    proposal_id     uuid        NOT NULL,
    number          text        NOT NULL,
    category        text        NOT NULL,
    title           text        NOT NULL,
    proposer_name   text        NOT NULL,
    reasons         text        NOT NULL,
    suggestions     text        NOT NULL,
    lead_unit_name  text,
    answer          text,
    rating          text,
    statement       text        CHECK (length(statement) <= 4000),
    nominated_by    text        NOT NULL,
    nominated_at    timestamptz NOT NULL DEFAULT now(),
    award_level     text        CHECK (length(award_level) BETWEEN 1 AND 50),
    award_reward    text        CHECK (length(award_reward) <= 200),
    awarded_at      timestamptz,
    version         int         NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT award_nominations_once_key UNIQUE (tenant_id, campaign_id, enterprise_id, proposal_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES proposals.award_campaigns (tenant_id, id)
);

-- One reviewer's score of one nomination on one criterion; a reviewer may change it while the campaign is reviewing.
CREATE TABLE proposals.award_scores (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    nomination_id uuid        NOT NULL,
    reviewer_id   uuid        NOT NULL,
    criterion_id  uuid        NOT NULL,
    score         numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    scored_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT award_scores_once_key UNIQUE (tenant_id, nomination_id, reviewer_id, criterion_id),
    FOREIGN KEY (tenant_id, nomination_id) REFERENCES proposals.award_nominations (tenant_id, id),
    FOREIGN KEY (tenant_id, reviewer_id) REFERENCES proposals.award_reviewers (tenant_id, id),
    FOREIGN KEY (tenant_id, criterion_id) REFERENCES proposals.award_criteria (tenant_id, id)
);

-- A proposal forwarded as a suggestion to the people's congress or the CPPCC (人大建议 / 政协提案).
CREATE TABLE proposals.escalations (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    nomination_id uuid        NOT NULL,
    target_body   text        NOT NULL CHECK (target_body IN ('peoplesCongress', 'cppcc')),
    forwarded_on  date        NOT NULL,
    reference     text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    note          text        CHECK (length(note) <= 2000),
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, nomination_id) REFERENCES proposals.award_nominations (tenant_id, id)
);

SELECT shared.track_changes('proposals.settings');
SELECT shared.track_changes('proposals.calls');
SELECT shared.track_changes('proposals.proposals');
SELECT shared.track_changes('proposals.cosigners');
SELECT shared.track_changes('proposals.handlers');
SELECT shared.track_changes('proposals.attachments');
SELECT shared.track_changes('proposals.resolutions');
SELECT shared.track_changes('proposals.resolution_links');
SELECT shared.track_changes('proposals.award_campaigns');
SELECT shared.track_changes('proposals.award_criteria');
SELECT shared.track_changes('proposals.award_reviewers');
SELECT shared.track_changes('proposals.award_nominations');
SELECT shared.track_changes('proposals.award_scores');
SELECT shared.track_changes('proposals.escalations');
