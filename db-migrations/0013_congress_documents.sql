-- Documents a session reviews (会议文件), which of its representatives confirmed reading them, and the opinions its
-- delegation groups recorded in group discussion (分组讨论).

-- What was uploaded, without the file itself: the audit trail keeps inserted and deleted rows whole, so the bytes live
-- in congress.document_contents and this row names them by size and sha256.
CREATE TABLE congress.documents (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    title        text        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size > 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id),
    -- Ids are UUIDv7: this key also lists a session's documents in upload order.
    CONSTRAINT documents_session_key UNIQUE (tenant_id, session_id, id),
    CONSTRAINT documents_file_key UNIQUE (tenant_id, id, sha256, size)
);

-- The file's bytes, one row per document, and the one congress table left out of the audit trail: recording its
-- inserts and deletes would copy every file into the trail, and shared.recorded_values can only redact a column by its
-- name, which would misdescribe this one. It adds nothing the trail does not already know: PostgreSQL computes the
-- sha256 and size of the content here, and the foreign key holds them to the audited documents row, so the bytes
-- can only be the very file the trail names (an update to them breaks the key), and they go with that row.
CREATE TABLE congress.document_contents (
    tenant_id uuid   NOT NULL,
    id        uuid   NOT NULL,
    content   bytea  NOT NULL,
    sha256    text   GENERATED ALWAYS AS (encode(sha256(content), 'hex')) STORED,
    size      bigint GENERATED ALWAYS AS (octet_length(content)) STORED,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, id, sha256, size) REFERENCES congress.documents (tenant_id, id, sha256, size) ON DELETE CASCADE
);

-- A representative on the session's roster confirms having read a document, once.
CREATE TABLE congress.document_reads (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    session_id        uuid        NOT NULL,
    document_id       uuid        NOT NULL,
    representative_id uuid        NOT NULL,
    confirmed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT document_reads_once_key UNIQUE (tenant_id, document_id, representative_id),
    FOREIGN KEY (tenant_id, session_id, document_id) REFERENCES congress.documents (tenant_id, session_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, representative_id) REFERENCES congress.roster (tenant_id, session_id, representative_id)
);

-- What a delegation group (代表团) said in discussion, about one of the session's documents or the session as a whole.
-- The group is a name: the roster's groups once the session is open, any name while it is planned.
CREATE TABLE congress.group_opinions (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    session_id       uuid        NOT NULL,
    delegation_group text        NOT NULL CHECK (delegation_group <> ''),
    document_id      uuid,
    opinion          text        NOT NULL CHECK (opinion <> ''),
    recorded_by      text        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id),
    -- No cascade: a document the groups have discussed stays, as part of the session's record.
    FOREIGN KEY (tenant_id, session_id, document_id) REFERENCES congress.documents (tenant_id, session_id, id)
);
CREATE INDEX group_opinions_by_session ON congress.group_opinions (tenant_id, session_id, delegation_group, id);

SELECT shared.track_changes('congress.documents');
SELECT shared.track_changes('congress.document_reads');
SELECT shared.track_changes('congress.group_opinions');
