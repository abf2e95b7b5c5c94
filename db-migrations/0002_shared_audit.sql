-- The audit trail: every row a module writes is recorded here, in the same transaction, by statement triggers that
-- modules attach to their tables with shared.track_changes(). Who did it comes from the transaction's
-- `workforce.audit` setting, which the mediator's transaction behaviour sets; without it, the actor is `system`.
CREATE SCHEMA shared;

CREATE TABLE shared.audit_trail (
    tenant_id   uuid        NOT NULL,
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_type  text        NOT NULL,
    actor_id    uuid,
    actor_name  text        NOT NULL,
    request_id  text,
    operation   text        NOT NULL,
    module      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   uuid        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    changes     jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_trail_entity ON shared.audit_trail (tenant_id, entity_id, id);
CREATE INDEX audit_trail_time ON shared.audit_trail (tenant_id, occurred_at);

-- Append-only: nothing may change or remove what was recorded.
CREATE FUNCTION shared.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only.' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON shared.audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION shared.refuse_audit_change();

-- Columns that say nothing about the entity (bookkeeping) are left out; secret columns show that they changed, never their value.
CREATE FUNCTION shared.changed_fields(before jsonb, after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(field, jsonb_build_object(
               'before', CASE WHEN secret AND was <> 'null' THEN '"[redacted]"'::jsonb ELSE was END,
               'after',  CASE WHEN secret AND now <> 'null' THEN '"[redacted]"'::jsonb ELSE now END)), '{}'::jsonb)
    FROM (
        SELECT field,
               coalesce(before -> field, 'null') AS was,
               coalesce(after -> field, 'null') AS now,
               field ~ '(_cipher|_hash|^password|secret)' AS secret
        FROM jsonb_object_keys(coalesce(before, '{}') || coalesce(after, '{}')) AS field
        WHERE field NOT IN ('tenant_id', 'id', 'version', 'created_at', 'updated_at',
                            'failed_logins', 'locked_until', 'last_login_at', 'last_used_at')
    ) fields
    WHERE was IS DISTINCT FROM now
$$;

-- Each operation has its own transition tables, so the before/after pairs are read by a query chosen per operation.
CREATE FUNCTION shared.record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pairs text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT NULL::jsonb, to_jsonb(n) FROM new_rows n'
        WHEN 'UPDATE' THEN 'SELECT to_jsonb(o), to_jsonb(n) FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id'
        ELSE 'SELECT to_jsonb(o), NULL::jsonb FROM old_rows o'
    END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_id, actor_name, request_id, operation, module, entity_type, entity_id, action, changes)
        SELECT (coalesce(after, before) ->> 'tenant_id')::uuid,
               coalesce($1 ->> 'actorType', 'system'),
               ($1 ->> 'actorId')::uuid,
               coalesce($1 ->> 'actorName', 'system'),
               $1 ->> 'requestId',
               coalesce($1 ->> 'operation', $4),
               $2, $3,
               (coalesce(after, before) ->> 'id')::uuid,
               $4,
               changes
        FROM (SELECT before, after, shared.changed_fields(before, after) AS changes FROM (%s) AS pairs (before, after)) changed
        WHERE changes <> '{}'::jsonb
        $sql$, pairs)
    USING nullif(current_setting('workforce.audit', true), '')::jsonb, TG_TABLE_SCHEMA, TG_TABLE_NAME, lower(TG_OP);
    RETURN NULL;
END
$$;

-- What a module calls from its migrations for each table it owns: from then on every change to it is recorded.
CREATE FUNCTION shared.track_changes(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes()', tbl);
    EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes()', tbl);
    EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shared.record_changes()', tbl);
END
$$;
