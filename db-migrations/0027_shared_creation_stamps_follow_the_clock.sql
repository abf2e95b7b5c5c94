-- Rows' creation stamps left to a column default take the application's clock too: DbSession sets workforce.now to
-- the instant its transaction began (by the injected TimeProvider), and shared.clock_now() answers it, or the
-- database's now() where no session set it (psql, a migration). Kept on the database's clock, as the README says:
-- the audit trail's own stamp and an idempotency key's claim, which instances compare with the database's now(). A
-- module keeps one of its own on the database's clock in its own migration (as Integration does a delivery's due time).
CREATE FUNCTION shared.clock_now() RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(nullif(current_setting('workforce.now', true), '')::timestamptz, now()) $$;

DO $$
DECLARE
    stamp record;
BEGIN
    FOR stamp IN
        SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column"
        FROM pg_catalog.pg_attrdef d
        JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE pg_get_expr(d.adbin, d.adrelid) = 'now()' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND format('%s.%s.%s', n.nspname, c.relname, a.attname) NOT IN ('shared.audit_trail.occurred_at', 'shared.idempotency_keys.created_at')
    LOOP
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT shared.clock_now()', stamp.schema, stamp."table", stamp."column");
    END LOOP;
END
$$;
