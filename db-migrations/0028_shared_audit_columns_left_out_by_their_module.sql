-- The columns the audit trail leaves out were one list in the shared functions, which named Access's sign-in
-- bookkeeping for every table. Now the trail leaves out only what every table shares (tenant_id, id, version,
-- created_at, updated_at), and a module names its own bookkeeping where it tracks the table:
--     SELECT shared.track_changes('<schema>.<table>', '<column>', ...);
-- The names travel as the triggers' arguments (TG_ARGV).

CREATE OR REPLACE FUNCTION shared.changed_fields(before jsonb, after jsonb, unrecorded text[] DEFAULT '{}') RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(field, jsonb_build_object(
               'before', CASE WHEN secret AND was <> 'null' THEN '"[redacted]"'::jsonb ELSE was END,
               'after',  CASE WHEN secret AND now <> 'null' THEN '"[redacted]"'::jsonb ELSE now END)), '{}'::jsonb)
    FROM (
        SELECT field,
               coalesce(before -> field, 'null') AS was,
               coalesce(after -> field, 'null') AS now,
               field ~ '(_cipher|_hash|^password|secret|_stamp$)' AS secret
        FROM jsonb_object_keys(coalesce(before, '{}') || coalesce(after, '{}')) AS field
        WHERE field NOT IN ('tenant_id', 'id', 'version', 'created_at', 'updated_at') AND field <> ALL (unrecorded)
    ) fields
    WHERE was IS DISTINCT FROM now
$$;
DROP FUNCTION shared.changed_fields(jsonb, jsonb);

CREATE FUNCTION shared.recorded_values(tbl oid, alias text, unrecorded text[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT format('(to_jsonb(%1$s) - %2$L::text[] - %3$L::text[]) || jsonb_build_object(%4$s)', alias,
                  ARRAY['tenant_id', 'id', 'version', 'created_at', 'updated_at'] || unrecorded,
                  coalesce(array_agg(attname) FILTER (WHERE secret), '{}'),
                  coalesce(string_agg(format('%L, CASE WHEN %s.%I IS NULL THEN NULL ELSE ''"[redacted]"''::jsonb END', attname, alias, attname), ', ')
                           FILTER (WHERE secret), ''))
    FROM (SELECT attname, attname ~ '(_cipher|_hash|^password|secret|_stamp$)' AS secret
          FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped) columns
$$;
DROP FUNCTION shared.recorded_values(oid, text);

CREATE OR REPLACE FUNCTION shared.record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    context jsonb := nullif(current_setting('workforce.audit', true), '')::jsonb;
    unrecorded text[] := coalesce(TG_ARGV, '{}');
    bookkeeping text[] := ARRAY['tenant_id', 'id', 'version', 'created_at', 'updated_at'] || unrecorded;
    secrets text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, changes)
        SELECT tenant_id, coalesce(context ->> 'actorType', 'system'), (context ->> 'actorId')::uuid, coalesce(context ->> 'actorName', 'system'),
               context ->> 'requestId', coalesce(context ->> 'operation', 'update'), TG_TABLE_SCHEMA, TG_TABLE_NAME, id, 'update', changes
        FROM (SELECT n.tenant_id, n.id, shared.changed_fields(to_jsonb(o), to_jsonb(n), unrecorded) AS changes
              FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id) AS updated
        WHERE changes <> '{}'::jsonb;
        RETURN NULL;
    END IF;

    -- (Nested: a delete's trigger has no new_rows to plan the count against.)
    IF TG_OP = 'INSERT' THEN
        IF (SELECT count(*) FROM (SELECT FROM new_rows LIMIT 2) AS first_rows) > 1 THEN
            EXECUTE format($sql$
                INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, after)
                SELECT n.tenant_id, coalesce($1 ->> 'actorType', 'system'), ($1 ->> 'actorId')::uuid, coalesce($1 ->> 'actorName', 'system'),
                       $1 ->> 'requestId', coalesce($1 ->> 'operation', 'insert'), $2, $3, n.id, 'insert', %s
                FROM new_rows n
                $sql$, shared.recorded_values(TG_RELID, 'n', unrecorded))
            USING context, TG_TABLE_SCHEMA, TG_TABLE_NAME;
            RETURN NULL;
        END IF;
    END IF;

    -- A row is kept without its bookkeeping columns and with its secret ones "[redacted]" unless null, as
    -- shared.recorded_values() has it.
    -- Matched as text: matching the catalog's name type against the pattern costs ten times as much here.
    SELECT coalesce(array_agg(attname::text), '{}') INTO secrets
    FROM pg_attribute
    WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped AND attname::text ~ '(_cipher|_hash|^password|secret|_stamp$)';

    IF TG_OP = 'INSERT' THEN
        INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, after)
        SELECT n.tenant_id, coalesce(context ->> 'actorType', 'system'), (context ->> 'actorId')::uuid, coalesce(context ->> 'actorName', 'system'),
               context ->> 'requestId', coalesce(context ->> 'operation', 'insert'), TG_TABLE_SCHEMA, TG_TABLE_NAME, n.id, 'insert',
               (to_jsonb(n) - bookkeeping - secrets)
               || coalesce((SELECT jsonb_object_agg(secret, CASE WHEN to_jsonb(n) -> secret = 'null' THEN 'null'::jsonb ELSE '"[redacted]"'::jsonb END)
                            FROM unnest(secrets) AS secret), '{}'::jsonb)
        FROM new_rows n;
    ELSE
        INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, before)
        SELECT o.tenant_id, coalesce(context ->> 'actorType', 'system'), (context ->> 'actorId')::uuid, coalesce(context ->> 'actorName', 'system'),
               context ->> 'requestId', coalesce(context ->> 'operation', 'delete'), TG_TABLE_SCHEMA, TG_TABLE_NAME, o.id, 'delete',
               (to_jsonb(o) - bookkeeping - secrets)
               || coalesce((SELECT jsonb_object_agg(secret, CASE WHEN to_jsonb(o) -> secret = 'null' THEN 'null'::jsonb ELSE '"[redacted]"'::jsonb END)
                            FROM unnest(secrets) AS secret), '{}'::jsonb)
        FROM old_rows o;
    END IF;
    RETURN NULL;
END
$$;

-- What a module calls from its migrations for each table it owns, naming the columns of its own bookkeeping that say
-- nothing about the entity (none, usually): from then on every other change to the table is recorded.
DROP FUNCTION shared.track_changes(regclass);
CREATE FUNCTION shared.track_changes(tbl regclass, VARIADIC unrecorded text[] DEFAULT '{}') RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    arguments text := (SELECT coalesce(string_agg(quote_literal(name), ', '), '') FROM unnest(unrecorded) AS name);
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS audit_insert ON %1$s; DROP TRIGGER IF EXISTS audit_update ON %1$s; DROP TRIGGER IF EXISTS audit_delete ON %1$s', tbl);
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes(%s)', tbl, arguments);
    EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes(%s)', tbl, arguments);
    EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes(%s)', tbl, arguments);
END
$$;
