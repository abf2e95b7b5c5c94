-- The Congress module: sessions of a workers' congress term, their agenda, attendance, and the secret ballot.
-- Terms and representatives belong to Directory; a session keeps the roster it was opened with (congress.roster).
CREATE SCHEMA congress;

CREATE TABLE congress.sessions (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    term_id      uuid        NOT NULL,
    term_name    text        NOT NULL,
    number       int         NOT NULL CHECK (number BETWEEN 1 AND 99),
    name         text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('regular', 'specialTopic')),
    mode         text        NOT NULL CHECK (mode IN ('online', 'offline', 'hybrid')),
    held_on      date        NOT NULL,
    venue        text,
    status       text        NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed', 'archived')),
    roster_size  int,
    opened_at    timestamptz,
    closed_at    timestamptz,
    version      int         NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT sessions_number_key UNIQUE (tenant_id, term_id, number)
);
CREATE INDEX sessions_by_held_on ON congress.sessions (tenant_id, held_on DESC, id DESC);

-- The representatives a session was opened with: fixed then, whatever Directory says later.
CREATE TABLE congress.roster (
    id                   uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id            uuid    NOT NULL,
    session_id           uuid    NOT NULL,
    representative_id    uuid    NOT NULL,
    worker_id            uuid    NOT NULL,
    name                 text    NOT NULL,
    employee_number      text    NOT NULL,
    delegation_group     text    NOT NULL,
    is_worker_director   boolean NOT NULL,
    is_worker_supervisor boolean NOT NULL,
    position             int     NOT NULL,
    PRIMARY KEY (tenant_id, session_id, representative_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id)
);
CREATE INDEX roster_by_worker ON congress.roster (tenant_id, worker_id);

CREATE TABLE congress.agenda_steps (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    session_id uuid        NOT NULL,
    position   int         NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('checkIn', 'documentReview', 'groupDiscussion', 'motionVote', 'evaluation', 'election')),
    title      text        NOT NULL,
    channel    text        NOT NULL CHECK (channel IN ('online', 'offline')),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
    status     text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'open', 'closed')),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id),
    CONSTRAINT agenda_steps_position_key UNIQUE (tenant_id, session_id, position)
);

CREATE TABLE congress.check_ins (
    id                uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id         uuid        NOT NULL,
    session_id        uuid        NOT NULL,
    representative_id uuid        NOT NULL,
    channel           text        NOT NULL CHECK (channel IN ('online', 'onSite', 'paperSheet', 'proxyStaff')),
    checked_in_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, session_id, representative_id),
    FOREIGN KEY (tenant_id, session_id, representative_id) REFERENCES congress.roster (tenant_id, session_id, representative_id)
);

-- What a session votes on by secret ballot: a motion (one item, or several voted separately), an election of candidates
-- to seats, or a democratic evaluation of managers. Its items are the motion's items, the candidates or the managers.
CREATE TABLE congress.polls (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    session_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('motion', 'election', 'evaluation')),
    title           text        NOT NULL,
    description     text,
    itemised        boolean     NOT NULL DEFAULT false,
    pass_rule       text        CHECK (pass_rule IN ('majorityOfAll', 'twoThirdsOfAll')),
    seats           int         CHECK (seats >= 1),
    min_respondents int         CHECK (min_respondents >= 1),
    status          text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    roster_size     int,
    paper_ballots   int,
    results         jsonb,
    opened_at       timestamptz,
    closed_at       timestamptz,
    version         int         NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id),
    CHECK ((kind = 'motion') = (pass_rule IS NOT NULL)),
    CHECK ((kind = 'election') = (seats IS NOT NULL)),
    CHECK ((kind = 'evaluation') = (min_respondents IS NOT NULL))
);
CREATE INDEX polls_by_session ON congress.polls (tenant_id, session_id, created_at, id);

CREATE TABLE congress.poll_items (
    id        uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    poll_id   uuid NOT NULL,
    number    int  NOT NULL CHECK (number >= 1),
    title     text NOT NULL,
    detail    text,
    PRIMARY KEY (tenant_id, poll_id, number),
    FOREIGN KEY (tenant_id, poll_id) REFERENCES congress.polls (tenant_id, id)
);

-- Who has voted, and how (online, or on paper as staff mark it): never what. One row per representative and poll,
-- so nobody votes twice or on both channels. Ids here are random too (audit entries name them).
CREATE TABLE congress.voter_roll (
    id                uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id         uuid NOT NULL,
    poll_id           uuid NOT NULL,
    representative_id uuid NOT NULL,
    channel           text NOT NULL CHECK (channel IN ('online', 'paper')),
    PRIMARY KEY (tenant_id, poll_id, representative_id),
    FOREIGN KEY (tenant_id, poll_id) REFERENCES congress.polls (tenant_id, id)
);

-- The ballot box: what was chosen, never by whom or when. No key, foreign key, timestamp or sequence it shares with
-- the roll; ids are random. choices[n] is the choice on item n: a motion's 1 for, 2 against, 3 abstain; a
-- candidate's 1 selected, 0 not; a manager's rating from 1 (优秀) to 4 (不称职).
CREATE TABLE congress.ballots (
    tenant_id uuid       NOT NULL,
    poll_id   uuid       NOT NULL,
    id        uuid       NOT NULL,
    choices   smallint[] NOT NULL,
    PRIMARY KEY (tenant_id, poll_id, id)
);

-- Receipts handed to voters, kept only as keyed hashes and apart from the ballots: checking one says that a ballot
-- was counted in the poll, and nothing can lead from it to the choices.
CREATE TABLE congress.receipts (
    tenant_id uuid  NOT NULL,
    poll_id   uuid  NOT NULL,
    hash      bytea NOT NULL,
    PRIMARY KEY (tenant_id, poll_id, hash)
);

-- Paper ballots of a hybrid session as the tellers counted them: per item and choice.
CREATE TABLE congress.paper_counts (
    id        uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id uuid     NOT NULL,
    poll_id   uuid     NOT NULL,
    item      int      NOT NULL,
    choice    smallint NOT NULL,
    count     int      NOT NULL CHECK (count >= 0),
    PRIMARY KEY (tenant_id, poll_id, item, choice),
    FOREIGN KEY (tenant_id, poll_id, item) REFERENCES congress.poll_items (tenant_id, poll_id, number)
);

-- A passed motion item becomes a resolution (决议) whose execution is tracked.
CREATE TABLE congress.resolutions (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    session_id uuid        NOT NULL,
    poll_id    uuid        NOT NULL,
    item       int         NOT NULL,
    title      text        NOT NULL,
    owner      text,
    due_on     date,
    status     text        NOT NULL DEFAULT 'notStarted' CHECK (status IN ('notStarted', 'inProgress', 'completed', 'suspended')),
    adopted_at timestamptz NOT NULL,
    version    int         NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id),
    FOREIGN KEY (tenant_id, poll_id, item) REFERENCES congress.poll_items (tenant_id, poll_id, number),
    CONSTRAINT resolutions_item_key UNIQUE (tenant_id, poll_id, item)
);

CREATE TABLE congress.resolution_notes (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    resolution_id uuid        NOT NULL,
    note          text        NOT NULL,
    progress      int         CHECK (progress BETWEEN 0 AND 100),
    author        text        NOT NULL,
    written_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, resolution_id) REFERENCES congress.resolutions (tenant_id, id)
);

SELECT shared.track_changes('congress.sessions');
SELECT shared.track_changes('congress.roster');
SELECT shared.track_changes('congress.agenda_steps');
SELECT shared.track_changes('congress.check_ins');
SELECT shared.track_changes('congress.polls');
SELECT shared.track_changes('congress.poll_items');
SELECT shared.track_changes('congress.voter_roll');
SELECT shared.track_changes('congress.paper_counts');
SELECT shared.track_changes('congress.resolutions');
SELECT shared.track_changes('congress.resolution_notes');
-- Rows without an id of their own get a random one above: the audit trail names every row it records by id.
-- congress.ballots and congress.receipts are never audited: an audit entry names its actor, and a ballot must never
-- stand next to its voter.
