-- A tenant's working calendar: its weekly rest days, and the dates that break its weekly rhythm (public holidays, and
-- make-up working days (调休) on a rest day). A tenant without a row rests on Saturday and Sunday and has no special
-- days; its time zone stays on its organisation node.
CREATE TABLE directory.calendars (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    rest_days   text[]      NOT NULL CHECK (rest_days <@ ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
                                            AND cardinality(rest_days) < 7),
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT calendars_one_per_tenant CHECK (id = tenant_id)
);

CREATE TABLE directory.calendar_days (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    day         date        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT calendar_days_day_key UNIQUE (tenant_id, day),
    FOREIGN KEY (tenant_id, tenant_id) REFERENCES directory.calendars (tenant_id, id) ON DELETE CASCADE
);

SELECT shared.track_changes('directory.calendars');
SELECT shared.track_changes('directory.calendar_days');
