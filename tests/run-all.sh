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

dotnet test Workforce.slnx --no-build --nologo --logger "trx;LogFilePrefix=dotnet" --results-directory "$results/dotnet" || status=1

passed=0
failed=0
for trx in "$results"/dotnet/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done

echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
