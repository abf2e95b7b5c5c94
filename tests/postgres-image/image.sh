#!/usr/bin/env bash
# Prints the PostgreSQL image the .NET test suites start their servers from (tests/TestKit/PostgresContainers.cs):
# the official postgres:15 when it is here or can be pulled; otherwise one built on this machine, as root, from Debian's
# postgresql-15 package (debootstrap of bookworm from the Debian archive apt uses, then docker import). Its tag is this
# recipe's hash, so an unchanged recipe reuses the image and a changed one builds anew.
set -euo pipefail
cd "$(dirname "$0")"

official=postgres:15
if docker image inspect "$official" >/dev/null 2>&1 || docker pull --quiet "$official" >/dev/null 2>&1; then
    echo "$official"
    exit 0
fi

image="workforce-test-postgres:15-$(cat image.sh entrypoint.sh | sha256sum | cut -c1-12)"
# Two test runs on one machine build it once: the second waits here and finds it.
exec 9>"${TMPDIR:-/tmp}/workforce-test-postgres.lock"
flock 9
if docker image inspect "$image" >/dev/null 2>&1; then
    echo "$image"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "$official cannot be pulled, and building $image from Debian's packages needs root (debootstrap): run this as root, or make $official available." >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
mirror=$(apt-get indextargets --format '$(SITE) $(RELEASE) $(COMPONENT)' 2>/dev/null |
    awk -v suite="$codename" '$2 == suite && $3 == "main" { print $1; exit }')
if [ -z "$mirror" ]; then
    echo "No Debian archive for '$codename' among apt's sources (/etc/apt/sources.list*) to build $image from." >&2
    exit 1
fi

echo "Building $image from $mirror (once per recipe)..." >&2
root=$(mktemp -d /var/tmp/workforce-test-postgres.XXXXXX)
log="$root.log"
trap 'rm -rf "$root" "$log"' EXIT
if ! debootstrap --variant=minbase --include=postgresql-15 bookworm "$root" "$mirror" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    exit 1
fi

# What the server does not use: LLVM is for the JIT compiler (the entrypoint turns it off), the cluster the package
# created is replaced by the entrypoint's, and documentation, translations and apt's caches are never read.
chroot "$root" dpkg --purge --force-depends libllvm14 libz3-4 >>"$log" 2>&1
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc "$root"/usr/share/man \
    "$root"/usr/share/info "$root"/usr/share/locale "$root"/var/lib/postgresql/15 "$root"/etc/postgresql/15
chroot "$root" install -d -o postgres -g postgres -m 700 /var/lib/postgresql/data
chroot "$root" install -d -o postgres -g postgres -m 2775 /run/postgresql
install -m 755 entrypoint.sh "$root/usr/local/bin/postgres-entrypoint"

tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -C "$root" -c . |
    docker import \
        --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV PGDATA=/var/lib/postgresql/data' \
        --change 'USER postgres' \
        --change 'EXPOSE 5432' \
        --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]' \
        - "$image" >/dev/null
echo "$image"
