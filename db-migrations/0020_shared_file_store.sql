-- The file store: the bytes of every file a module keeps (congress documents, proposal attachments, and the files
-- Disclosure, Rights and Training will keep), owned by BuildingBlocks beside the audit trail and the outbox. A module
-- keeps its own row about a file (its name, type, who uploaded it, who read it) and names the stored bytes by
-- (tenant_id, file_id), without a foreign key across schemas; shared.holds_files() makes that name hold.
--
-- Content-addressed per tenant: the same bytes twice in one tenant are stored once; another tenant's same bytes are
-- its own file. The bytes are kept in chunks of at most 1 MiB, so that neither the API nor the server ever holds a
-- whole file to store or send it (a single bytea is detoasted whole by the server on every read, and is capped at 1
-- GB); large objects would leave the tenant's rows and could not be distributed by tenant.
--
-- Neither table is audited: the module's own audited row names each file by id, size and sha256, and a file is stored
-- only by the command that writes that row; auditing the chunks would copy every file into the trail.
CREATE TABLE shared.files (
    tenant_id uuid        NOT NULL,
    id        uuid        NOT NULL,
    sha256    text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size      bigint      NOT NULL CHECK (size > 0),
    stored_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT files_content_key UNIQUE (tenant_id, sha256)
);

CREATE TABLE shared.file_chunks (
    tenant_id uuid    NOT NULL,
    file_id   uuid    NOT NULL,
    position  integer NOT NULL CHECK (position >= 0),
    bytes     bytea   NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 1048576),
    PRIMARY KEY (tenant_id, file_id, position),
    FOREIGN KEY (tenant_id, file_id) REFERENCES shared.files (tenant_id, id) ON DELETE CASCADE
);
-- Files arrive compressed (PDF, Office, images) or are small: trying to compress each chunk again costs and gains nothing.
ALTER TABLE shared.file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- Stores bytes already in the database (a migration moving a module's files here) and answers the file's id; the API
-- streams uploads in chunks instead (FileStore.cs). The sha256 is PostgreSQL's own.
CREATE FUNCTION shared.store_file(tenant uuid, content bytea) RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
    hash text := encode(sha256(content), 'hex');
    file uuid;
BEGIN
    INSERT INTO shared.files (tenant_id, id, sha256, size) VALUES (tenant, gen_random_uuid(), hash, octet_length(content))
    ON CONFLICT (tenant_id, sha256) DO NOTHING
    RETURNING id INTO file;
    IF file IS NULL THEN
        SELECT id INTO file FROM shared.files WHERE tenant_id = tenant AND sha256 = hash FOR KEY SHARE;
        RETURN file;
    END IF;
    INSERT INTO shared.file_chunks (tenant_id, file_id, position, bytes)
    SELECT tenant, file, n, substring(content FROM n * 1048576 + 1 FOR 1048576)
    FROM generate_series(0, (octet_length(content) - 1) / 1048576) AS n;
    RETURN file;
END
$$;

-- Moves a module's files into the store (0021, 0022): <holder> gets file_id naming, for each of its rows, the bytes its
-- <contents> table (content bytea by tenant_id, id) kept for it, which then goes. Each file is first put back together
-- from its stored chunks and checked against the sha256 and size the audited holder row has always named it by;
-- anything missing or different stops the migration, and nothing of it is applied. Then the column holds its files.
CREATE FUNCTION shared.move_into_file_store(holder regclass, contents regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    lost bigint;
BEGIN
    EXECUTE format('ALTER TABLE %s ADD COLUMN file_id uuid', holder);
    EXECUTE format('UPDATE %s h SET file_id = shared.store_file(c.tenant_id, c.content) FROM %s c WHERE c.tenant_id = h.tenant_id AND c.id = h.id',
                   holder, contents);
    EXECUTE format(
        $sql$SELECT count(*) FROM %s h
             WHERE h.file_id IS NULL
                OR (SELECT f.size FROM shared.files f WHERE f.tenant_id = h.tenant_id AND f.id = h.file_id) IS DISTINCT FROM h.size
                OR (SELECT encode(sha256(string_agg(k.bytes, ''::bytea ORDER BY k.position)), 'hex')
                    FROM shared.file_chunks k WHERE k.tenant_id = h.tenant_id AND k.file_id = h.file_id) IS DISTINCT FROM h.sha256$sql$,
        holder)
    INTO lost;
    IF lost > 0 THEN
        RAISE EXCEPTION '% rows of % would not keep their bytes in the file store; nothing was moved.', lost, holder;
    END IF;
    EXECUTE format('DROP TABLE %s', contents);
    EXECUTE format('ALTER TABLE %s ALTER COLUMN file_id SET NOT NULL', holder);
    PERFORM shared.holds_files(holder, 'file_id');
END
$$;

-- Deletes the files of the given (tenant, id) pairs that no table holding files still names. They are locked first:
-- an upload taking one of them as its content (FOR KEY SHARE) is waited for, and its row is then seen by the check,
-- which runs after the lock as a statement of its own (a new snapshot, in READ COMMITTED).
CREATE FUNCTION shared.release_files(tenants uuid[], ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    holder record;
BEGIN
    PERFORM 1 FROM shared.files f JOIN unnest(tenants, ids) AS r (tenant_id, id) USING (tenant_id, id)
    ORDER BY f.tenant_id, f.id FOR UPDATE OF f;
    FOR holder IN
        SELECT t.tgrelid::regclass AS tbl, split_part(encode(t.tgargs, 'escape'), '\000', 1) AS file_column
        FROM pg_trigger t
        WHERE t.tgfoid = 'shared.keep_held_files()'::regprocedure AND t.tgname::text LIKE 'holds_files_delete%'
    LOOP
        EXECUTE format(
            'SELECT coalesce(array_agg(r.tenant_id), ''{}''), coalesce(array_agg(r.id), ''{}'') FROM unnest($1, $2) AS r (tenant_id, id)
             WHERE NOT EXISTS (SELECT 1 FROM %s h WHERE h.tenant_id = r.tenant_id AND h.%I = r.id)', holder.tbl, holder.file_column)
        INTO tenants, ids USING tenants, ids;
    END LOOP;
    DELETE FROM shared.files f USING unnest(tenants, ids) AS r (tenant_id, id) WHERE f.tenant_id = r.tenant_id AND f.id = r.id;
END
$$;

-- A holder's rows may name only stored files, which stay stored while they are named (as a foreign key would have it);
-- the files its deleted or changed rows named are released.
CREATE FUNCTION shared.keep_held_files() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    file_column text := TG_ARGV[0];
    tenants uuid[];
    ids uuid[];
    stored bigint;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format('SELECT array_agg(tenant_id), array_agg(file) FROM (SELECT DISTINCT tenant_id, %1$I AS file FROM new_rows WHERE %1$I IS NOT NULL) held',
                       file_column)
        INTO tenants, ids;
        SELECT count(*) INTO stored
        FROM (SELECT FROM shared.files f JOIN unnest(tenants, ids) AS h (tenant_id, id) USING (tenant_id, id) FOR KEY SHARE OF f) locked;
        IF stored < coalesce(cardinality(ids), 0) THEN
            RAISE EXCEPTION '%.% names a file that is not stored.', TG_TABLE_NAME, file_column USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- An update releases only the files its rows no longer name.
        EXECUTE format('SELECT array_agg(tenant_id), array_agg(file) FROM (SELECT DISTINCT tenant_id, %1$I AS file FROM old_rows o WHERE %1$I IS NOT NULL %2$s) released',
                       file_column,
                       CASE WHEN TG_OP = 'UPDATE' THEN format('AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = o.tenant_id AND n.%1$I = o.%1$I)', file_column) ELSE '' END)
        INTO tenants, ids;
        IF ids IS NOT NULL THEN
            PERFORM shared.release_files(tenants, ids);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- What a module calls from its migrations for each column naming a stored file, as it calls shared.track_changes():
-- from then on the column names only stored files, and a file nobody names any more is deleted with its last holder.
CREATE FUNCTION shared.holds_files(tbl regclass, file_column name) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    table_name text := (SELECT relname FROM pg_class WHERE oid = tbl);
BEGIN
    EXECUTE format('CREATE INDEX %I ON %s (tenant_id, %I)', table_name || '_by_' || file_column, tbl, file_column);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.keep_held_files(%L)',
                   'holds_files_insert_' || file_column, tbl, file_column);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.keep_held_files(%L)',
                   'holds_files_update_' || file_column, tbl, file_column);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.keep_held_files(%L)',
                   'holds_files_delete_' || file_column, tbl, file_column);
END
$$;
