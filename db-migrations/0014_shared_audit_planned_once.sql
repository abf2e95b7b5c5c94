-- shared.record_changes() built its SQL from the catalog and planned it afresh (EXECUTE) on every statement: about
-- 0.4 ms, more than a one-row statement's own work (a ballot's roll entry). Statements of one row, which nearly every
-- API write is, and all updates and deletes now record from static SQL, which PL/pgSQL plans once per trigger and
-- connection. Inserts and deletes call no SQL function, which would be planned again on every statement; updates
-- still call shared.changed_fields() (about 0.3 ms a statement, left for another day). An insert of many rows
-- (a batch, an import) still builds its expression for the table and plans it: 0.4 ms once, then about 20 µs a row
-- less than the static form, which looks each secret column up per row.

CREATE OR REPLACE FUNCTION shared.record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    context jsonb := nullif(current_setting('workforce.audit', true), '')::jsonb;
    bookkeeping text[] := ARRAY['tenant_id', 'id', 'version', 'created_at', 'updated_at', 'failed_logins', 'locked_until', 'last_login_at', 'last_used_at'];
    secrets text[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, changes)
        SELECT tenant_id, coalesce(context ->> 'actorType', 'system'), (context ->> 'actorId')::uuid, coalesce(context ->> 'actorName', 'system'),
               context ->> 'requestId', coalesce(context ->> 'operation', 'update'), TG_TABLE_SCHEMA, TG_TABLE_NAME, id, 'update', changes
        FROM (SELECT n.tenant_id, n.id, shared.changed_fields(to_jsonb(o), to_jsonb(n)) AS changes
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
                $sql$, shared.recorded_values(TG_RELID, 'n'))
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
