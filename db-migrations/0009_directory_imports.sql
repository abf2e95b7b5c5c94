-- Bulk imports of workers and units from CSV or XLSX files, as jobs. The file is streamed through binary COPY into
-- import_rows (field checks done, protected values already encrypted), checked again as a whole in SQL, then
-- merged in one transaction. Jobs and staged rows are the import's own record (who, what file, which rows, why a row
-- was rejected); the workers and units it writes are audited row by row as usual, so these two tables are not.
CREATE TABLE directory.import_jobs (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('workers', 'units')),
    mode           text        NOT NULL CHECK (mode IN ('allOrNothing', 'skipInvalid')),
    dry_run        boolean     NOT NULL,
    file_name      text        CHECK (length(file_name) <= 200),
    file_format    text        CHECK (file_format IN ('csv', 'xlsx')),
    encoding       text,
    phase          text        NOT NULL CHECK (phase IN ('reading', 'queued', 'validating', 'merging', 'completed', 'failed')),
    bytes_total    bigint,
    bytes_read     bigint      NOT NULL DEFAULT 0,
    rows_read      integer     NOT NULL DEFAULT 0,
    rows_valid     integer     NOT NULL DEFAULT 0,
    rows_rejected  integer     NOT NULL DEFAULT 0,
    created        integer     NOT NULL DEFAULT 0,
    updated        integer     NOT NULL DEFAULT 0,
    unchanged      integer     NOT NULL DEFAULT 0,
    error          text,
    -- Who started it, to record the merge in the audit trail under their name.
    created_by      uuid,
    created_by_kind text        NOT NULL,
    created_by_name text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX import_jobs_waiting ON directory.import_jobs (phase, created_at) WHERE phase IN ('queued', 'validating', 'merging');

-- One row of an import file. For workers the typed columns are filled; for units, name/parent/kind/code in cells.
-- cells holds the row as read (protected values masked) only where the row is rejected, for the rejected-rows file.
CREATE UNLOGGED TABLE directory.import_rows (
    tenant_id          uuid    NOT NULL,
    job_id             uuid    NOT NULL,
    row_number         integer NOT NULL,
    name               text,
    employee_number    text,
    resident_id_cipher bytea,
    resident_id_hash   bytea,
    resident_id_masked text,
    phone_cipher       bytea,
    phone_hash         bytea,
    phone_masked       text,
    gender             text,
    birth_date         date,
    unit_id            uuid,
    post               text,
    skill_grade        text,
    union_member       boolean,
    union_joined_on    date,
    party_member       boolean,
    hired_on           date,
    external_id        text,
    cells              text[],
    errors             text[],
    -- The id a new worker gets (UUIDv7, made when the row was read); the existing worker the row updates, if any.
    new_id             uuid,
    worker_id          uuid,
    PRIMARY KEY (tenant_id, job_id, row_number)
);
