-- Directory: the organisation tree, workers (real-name register), congress terms and representatives.
CREATE SCHEMA directory;

-- platform → region (may nest) → enterprise (the tenant) → unit (may nest) → team.
-- Platform, region and enterprise nodes are their own tenant; units and teams belong to their enterprise.
-- path lists the ids from the root down to the node itself, so a subtree is `path @> ARRAY[node]`.
CREATE TABLE directory.organisations (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    parent_id   uuid,
    kind        text        NOT NULL CHECK (kind IN ('platform', 'region', 'enterprise', 'unit', 'team')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    code        text        CHECK (length(code) <= 32),
    time_zone   text,
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    path        uuid[]      NOT NULL CHECK (path[cardinality(path)] = id),
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK ((kind = 'platform') = (parent_id IS NULL)),
    CHECK (kind IN ('platform', 'region', 'enterprise') = (tenant_id = id))
);
CREATE INDEX organisations_id ON directory.organisations (id);
CREATE INDEX organisations_path ON directory.organisations USING gin (path);
CREATE INDEX organisations_parent ON directory.organisations (parent_id, name);
CREATE UNIQUE INDEX organisations_sibling_name_key ON directory.organisations (tenant_id, parent_id, name) WHERE status = 'active';

INSERT INTO directory.organisations (tenant_id, id, parent_id, kind, name, path)
VALUES ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000001', NULL, 'platform', '产改平台',
        ARRAY['00000000-0000-7000-8000-000000000001']::uuid[]);

-- Resident ID numbers and phones are stored encrypted (…_cipher), found by keyed hash (…_hash), listed masked (…_masked).
CREATE TABLE directory.workers (
    tenant_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    unit_id             uuid        NOT NULL,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    employee_number     text        NOT NULL CHECK (length(employee_number) BETWEEN 1 AND 32),
    resident_id_cipher  bytea       NOT NULL,
    resident_id_hash    bytea       NOT NULL,
    resident_id_masked  text        NOT NULL,
    phone_cipher        bytea,
    phone_hash          bytea,
    phone_masked        text,
    gender              text        NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date          date        NOT NULL,
    post                text        CHECK (length(post) <= 50),
    skill_grade         text        CHECK (skill_grade IN ('elementary', 'intermediate', 'advanced', 'technician',
                                                           'seniorTechnician', 'principalTechnician', 'chiefTechnician')),
    union_member        boolean     NOT NULL DEFAULT false,
    union_joined_on     date,
    party_member        boolean     NOT NULL DEFAULT false,
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'onLeave', 'left', 'retired')),
    hired_on            date,
    left_on             date,
    external_id         text        CHECK (length(external_id) <= 64),
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES directory.organisations (tenant_id, id),
    CONSTRAINT workers_employee_number_key UNIQUE (tenant_id, employee_number),
    CONSTRAINT workers_resident_id_key UNIQUE (tenant_id, resident_id_hash),
    CHECK ((status IN ('left', 'retired')) = (left_on IS NOT NULL)),
    CHECK (union_member OR union_joined_on IS NULL)
);
CREATE UNIQUE INDEX workers_external_id_key ON directory.workers (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX workers_unit ON directory.workers (tenant_id, unit_id);
CREATE INDEX workers_phone ON directory.workers (tenant_id, phone_hash) WHERE phone_hash IS NOT NULL;
CREATE INDEX workers_by_name ON directory.workers (tenant_id, name COLLATE "zh-x-icu", id);

-- A congress term (届): representatives are appointed for one.
CREATE TABLE directory.congress_terms (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    number      integer     NOT NULL CHECK (number BETWEEN 1 AND 100),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    starts_on   date        NOT NULL,
    ends_on     date        NOT NULL CHECK (ends_on > starts_on),
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT congress_terms_number_key UNIQUE (tenant_id, number)
);

CREATE TABLE directory.representatives (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    term_id              uuid        NOT NULL,
    worker_id            uuid        NOT NULL,
    delegation_group     text        NOT NULL CHECK (length(delegation_group) BETWEEN 1 AND 50),
    is_worker_director   boolean     NOT NULL DEFAULT false,
    is_worker_supervisor boolean     NOT NULL DEFAULT false,
    appointed_on         date        NOT NULL,
    ended_on             date        CHECK (ended_on >= appointed_on),
    end_reason           text        CHECK (length(end_reason) <= 200),
    version              integer     NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES directory.congress_terms (tenant_id, id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES directory.workers (tenant_id, id)
);
CREATE UNIQUE INDEX representatives_active_key ON directory.representatives (tenant_id, term_id, worker_id) WHERE ended_on IS NULL;
CREATE INDEX representatives_term ON directory.representatives (tenant_id, term_id, delegation_group);
CREATE INDEX representatives_worker ON directory.representatives (tenant_id, worker_id);
