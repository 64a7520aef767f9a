#!/usr/bin/env bash
# The operator console against the local cluster: builds mpctl once, then runs it with the local cluster's node 1
# and admin token as defaults (override with --host, or MPCTL_HOST / MPCTL_TOKEN / MPCTL_TOKEN_FILE). The token is
# read from the cluster's secrets file (.cluster/secrets/admin-token) by mpctl itself: never on a command line.
#   scripts/mpctl.sh cluster show        scripts/mpctl.sh cluster tail        scripts/mpctl.sh   (interactive)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLL="$ROOT/src/Cluster.Console/bin/Release/net10.0/mpctl.dll"
if [[ ! -f "$DLL" || -n "$(find "$ROOT/src/Cluster.Console" -name '*.cs' -newer "$DLL" -print -quit)" ]]; then
  dotnet build "$ROOT/src/Cluster.Console/Cluster.Console.csproj" -c Release -nologo -v quiet >/dev/null
fi
export MPCTL_HOST="${MPCTL_HOST:-127.0.0.1:${CLUSTER_HTTP_BASE:-8081}}"
STATE="${CLUSTER_STATE_DIR:-$ROOT/.cluster}"
if [[ -z "${MPCTL_TOKEN:-}" && -z "${MPCTL_TOKEN_FILE:-}" && -f "$STATE/secrets/admin-token" ]]; then export MPCTL_TOKEN_FILE="$STATE/secrets/admin-token"; fi
exec dotnet "$DLL" "$@"
