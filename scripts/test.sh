#!/usr/bin/env bash
# Runs every test of the solution, after doing its own set-up:
#   - installs what is missing (ffmpeg, PostgreSQL server binaries, node/npm, chromium, prometheus/promtool, nginx, opencv-data + libgtk-3-0) via scripts/setup.sh,
#   - starts a throwaway PostgreSQL server (temp dir, free loopback port, non-root user) and exports TEST_POSTGRES,
#   - builds in Release and runs the tests, then stops the server and prints "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Persistence").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/setup.sh" ffmpeg postgres node chromium prometheus nginx images

PG_DIR="$(mktemp -d /tmp/media-test-pg.XXXXXX)"
RESULTS="$(mktemp -d /tmp/media-test-results.XXXXXX)"
cleanup() { "$ROOT/scripts/postgres.sh" stop "$PG_DIR" || true; rm -rf "$PG_DIR"; }
trap cleanup EXIT

TEST_POSTGRES="$("$ROOT/scripts/postgres.sh" start "$PG_DIR")"
export TEST_POSTGRES
echo "test PostgreSQL: ${TEST_POSTGRES%%;Username*}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Cluster.sln -c Release -nologo -v quiet -clp:ErrorsOnly

status=0
dotnet test Cluster.sln -c Release --no-build -nologo \
  --logger "console;verbosity=detailed" --logger "trx" --results-directory "$RESULTS" "$@" || status=$?

python3 "$ROOT/scripts/lib/summarize_trx.py" "$RESULTS" || status=1
rm -rf "$RESULTS"
exit "$status"
