-- Security stamps (which end sessions when they change) are secrets too: the trail shows that they changed, never their value.
CREATE OR REPLACE FUNCTION shared.changed_fields(before jsonb, after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(field, jsonb_build_object(
               'before', CASE WHEN secret AND was <> 'null' THEN '"[redacted]"'::jsonb ELSE was END,
               'after',  CASE WHEN secret AND now <> 'null' THEN '"[redacted]"'::jsonb ELSE now END)), '{}'::jsonb)
    FROM (
        SELECT field,
               coalesce(before -> field, 'null') AS was,
               coalesce(after -> field, 'null') AS now,
               field ~ '(_cipher|_hash|^password|secret|_stamp$)' AS secret
        FROM jsonb_object_keys(coalesce(before, '{}') || coalesce(after, '{}')) AS field
        WHERE field NOT IN ('tenant_id', 'id', 'version', 'created_at', 'updated_at',
                            'failed_logins', 'locked_until', 'last_login_at', 'last_used_at')
    ) fields
    WHERE was IS DISTINCT FROM now
$$;
