#!/usr/bin/env bash
# The operator console against the local cluster: builds mpctl once, then runs it with the local cluster's node 1
# and admin token as defaults (override with --host / --token, or MPCTL_HOST / MPCTL_TOKEN).
#   scripts/mpctl.sh cluster show        scripts/mpctl.sh cluster tail        scripts/mpctl.sh   (interactive)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLL="$ROOT/src/Cluster.Console/bin/Release/net10.0/mpctl.dll"
if [[ ! -f "$DLL" || -n "$(find "$ROOT/src/Cluster.Console" -name '*.cs' -newer "$DLL" -print -quit)" ]]; then
  dotnet build "$ROOT/src/Cluster.Console/Cluster.Console.csproj" -c Release -nologo -v quiet >/dev/null
fi
export MPCTL_HOST="${MPCTL_HOST:-127.0.0.1:${CLUSTER_HTTP_BASE:-8081}}"
export MPCTL_TOKEN="${MPCTL_TOKEN:-${CLUSTER_ADMIN_TOKEN:-local-admin-token-0123456789}}"
exec dotnet "$DLL" "$@"
