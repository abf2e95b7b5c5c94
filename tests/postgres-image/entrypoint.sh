#!/bin/sh
# The locally built test image's server, started the way Testcontainers' PostgreSql module expects of the official
# postgres image: POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB set up the first start, the arguments go to postgres,
# and the server takes TCP connections only once that database exists (its readiness check is pg_isready --host).
set -eu

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    user="${POSTGRES_USER:-postgres}"
    password_file="$(mktemp)"
    printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}" >"$password_file"
    initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null
    rm -f "$password_file"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    database="${POSTGRES_DB:-$user}"
    if [ "$database" != postgres ]; then
        # Single-user mode: nothing listens until the database is there.
        echo "CREATE DATABASE \"$database\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
    fi
fi

# jit off: the image leaves out LLVM, which only the JIT compiler needs.
exec postgres -D "$PGDATA" -c listen_addresses='*' -c jit=off "$@"
