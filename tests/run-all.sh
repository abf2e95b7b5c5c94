#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed", summed over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

results=.test-results
rm -rf "$results"
mkdir -p "$results"
status=0

if ! dotnet build Workforce.slnx --nologo -clp:ErrorsOnly; then
    echo "0 passed, 1 failed"
    exit 1
fi

# The image of the .NET tests' PostgreSQL containers: pulled, or built here once per recipe (tests/postgres-image).
if [ -z "${WORKFORCE_TEST_POSTGRES_IMAGE:-}" ]; then
    started=$SECONDS
    if ! WORKFORCE_TEST_POSTGRES_IMAGE=$(tests/postgres-image/image.sh); then
        echo "0 passed, 1 failed"
        exit 1
    fi
    export WORKFORCE_TEST_POSTGRES_IMAGE
    echo "PostgreSQL test image: $WORKFORCE_TEST_POSTGRES_IMAGE ($((SECONDS - started)) s)"
fi

dotnet test Workforce.slnx --no-build --nologo --logger "trx;LogFilePrefix=dotnet" --results-directory "$results/dotnet" || status=1

passed=0
failed=0
for trx in "$results"/dotnet/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done

# The admin web app (admin-ui): its unit tests (Vitest), and its build, which the browser suite loads from the Host.
# A step that cannot install, test or build counts as one failure.
ui="$PWD/$results/admin-ui"
mkdir -p "$ui"
if ! command -v npm >/dev/null; then
    echo "Admin UI: node and npm are not installed (make test installs them as root)." >&2
    failed=$((failed + 1))
elif ! (cd admin-ui && npm ci --no-audit --no-fund --loglevel=error) >"$ui/npm-ci.log" 2>&1; then
    echo "Admin UI: npm ci failed; see $ui/npm-ci.log." >&2
    failed=$((failed + 1))
else
    (cd admin-ui && npx vitest run --reporter=default --reporter=json --outputFile="$ui/vitest.json")
    if [ -s "$ui/vitest.json" ]; then
        passed=$((passed + $(node -p "require('$ui/vitest.json').numPassedTests")))
        failed=$((failed + $(node -p "const r = require('$ui/vitest.json'); r.numFailedTests + (r.numTotalTestSuites === 0 ? 1 : 0)")))
    else
        echo "Admin UI: Vitest did not report; see above." >&2
        failed=$((failed + 1))
    fi
    if ! (cd admin-ui && npm run build --silent) >"$ui/build.log" 2>&1; then
        echo "Admin UI: the build failed; see $ui/build.log." >&2
        failed=$((failed + 1))
    fi
fi

# The browser suite (tests/e2e): the Host in a process of its own, its pages in the machine's Chromium. Its counts
# join the .NET ones; a suite that cannot install or start counts as one failure, never as nothing.
e2e="$PWD/$results/e2e"
mkdir -p "$e2e"
browser_passed=0
browser_failed=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Browser tests: node and npm are not installed (make test installs them as root)." >&2
elif ! (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >"$e2e/npm-ci.log" 2>&1; then
    echo "Browser tests: npm ci failed; see $e2e/npm-ci.log." >&2
else
    (cd tests/e2e && node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$e2e/results.tap")
    # TAP ends with "# pass N", "# fail N", "# cancelled N"; a cancelled test (its set-up failed) is a failed one.
    count() { sed -nE "s/^# $1 ([0-9]+)\$/\1/p" "$e2e/results.tap" 2>/dev/null | tail -1; }
    if [ -n "$(count pass)" ]; then
        browser_passed=$(count pass)
        browser_failed=$(( $(count fail) + $(count cancelled) ))
        [ "$((browser_passed + browser_failed))" -gt 0 ] || browser_failed=1
    else
        echo "Browser tests: the suite did not report; see $e2e." >&2
    fi
fi
passed=$((passed + browser_passed))
failed=$((failed + browser_failed))

echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
