#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks, from the installed server binaries.
#
#   scripts/postgres.sh start DIR   initdb into DIR (if new), start on a free loopback port, print the connection string
#   scripts/postgres.sh stop DIR    fast shutdown
#
# Runs the server as the `postgres` OS user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
cmd="${1:?start|stop}"; dir="${2:?directory}"

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

case "$cmd" in
  start)
    [[ -x "$PG_BIN/initdb" ]] || { echo "error: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    mkdir -p "$dir/data" "$dir/socket"
    if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$dir"; fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      as_pg "$PG_BIN/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port="$(free_port)"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir/socket -c fsync=on -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
