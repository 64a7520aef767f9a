#!/usr/bin/env bash
# The load balancer (nginx) in front of a cluster's nodes, run as the invoking user from its own directory: its
# config, pid, logs and temp files all live in DIR; no root, no system config touched.
#
#   scripts/nginx.sh render DIR LISTEN SERVER...   write DIR/nginx.conf from deploy/nginx/nginx.conf.template;
#                                                  LISTEN is host:port, each SERVER host:port (host:port=down: listed
#                                                  but sent nothing); NGINX_MAX_UPLOAD sets client_max_body_size;
#                                                  NGINX_GRPC_LISTEN=host:port with NGINX_GRPC_SERVERS="host:port ..."
#                                                  (=down too) adds the gRPC listener (grpc.conf.template)
#   scripts/nginx.sh check DIR                     nginx -t on DIR/nginx.conf
#   scripts/nginx.sh start DIR                     check, then start it (daemon; pid in DIR/nginx.pid)
#   scripts/nginx.sh reload DIR                    check, then reload (after render): running requests finish
#   scripts/nginx.sh stop DIR                      graceful stop (open requests finish)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="$ROOT/deploy/nginx/nginx.conf.template"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
cmd="${1:?render|check|start|reload|stop}"; dir="${2:?directory}"
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"

run_nginx() { "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" "$@"; }
alive() { local p; p="$(cat "$dir/nginx.pid" 2>/dev/null || true)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

case "$cmd" in
  render)
    listen="${3:?listen host:port}"; shift 3
    (($#)) || { echo "error: no upstream servers" >&2; exit 2; }
    servers="" backups=""
    for s in "$@"; do
      down=""; [[ "$s" == *=down ]] && { down=" down"; s="${s%=down}"; }
      # Passive health: three failures (refused, reset, timeout, 502-504) within 5 s take a node out for 5 s.
      servers+="        server $s max_fails=3 fail_timeout=5s$down;"$'\n'
      # The same nodes again as backups, used only while every node above is out: survivors that answered 503s
      # (their entities waiting for a dead node's shards to move) are counted as failing too, and without a backup
      # nginx would answer 502 "no live upstreams" itself instead of trying them.
      backups+="        server $s backup$down;"$'\n'
    done
    servers+="$backups"
    # As root the workers would otherwise become "nobody", who cannot use this directory; as anyone else nginx
    # keeps the invoking user and the directive would only draw a warning.
    user=""; [[ "$(id -u)" == 0 ]] && user="user $(id -un) $(id -gn);"
    mkdir -p "$dir/temp"
    SERVERS="$servers" LISTEN="$listen" PREFIX="$dir" USER_LINE="$user" MAX_UPLOAD="${NGINX_MAX_UPLOAD:-2g}" \
      python3 -c '
import os, sys
text = open(sys.argv[1]).read()
for key, var in [("@SERVERS@", "SERVERS"), ("@LISTEN@", "LISTEN"), ("@PREFIX@", "PREFIX"), ("@USER@", "USER_LINE"), ("@MAX_UPLOAD@", "MAX_UPLOAD")]:
    text = text.replace(key, os.environ[var].rstrip("\n"))
sys.stdout.write(text)' "$TEMPLATE" >"$dir/nginx.conf.new"
    mv "$dir/nginx.conf.new" "$dir/nginx.conf"
    # gRPC: nginx.conf includes grpc.d/*.conf, which is empty unless the nodes serve gRPC.
    mkdir -p "$dir/grpc.d"; rm -f "$dir/grpc.d/grpc.conf"
    if [[ -n "${NGINX_GRPC_LISTEN:-}" ]]; then
      grpc_servers=""
      for s in ${NGINX_GRPC_SERVERS:?NGINX_GRPC_SERVERS: the gRPC host:port of every node}; do
        down=""; [[ "$s" == *=down ]] && { down=" down"; s="${s%=down}"; }
        grpc_servers+="    server $s max_fails=3 fail_timeout=5s$down;"$'\n'
      done
      GRPC_SERVERS="$grpc_servers" GRPC_LISTEN="$NGINX_GRPC_LISTEN" python3 -c '
import os, sys
text = open(sys.argv[1]).read()
for key, var in [("@GRPC_SERVERS@", "GRPC_SERVERS"), ("@GRPC_LISTEN@", "GRPC_LISTEN")]:
    text = text.replace(key, os.environ[var].rstrip("\n"))
sys.stdout.write(text)' "$ROOT/deploy/nginx/grpc.conf.template" >"$dir/grpc.d/grpc.conf"
    fi
    ;;
  check) run_nginx -t -q ;;
  start)
    [[ -x "$NGINX" ]] || { echo "error: nginx is not installed (scripts/setup.sh nginx)" >&2; exit 1; }
    if alive; then echo "nginx already runs (pid $(cat "$dir/nginx.pid"))"; exit 0; fi
    run_nginx -t -q
    run_nginx
    ;;
  reload) run_nginx -t -q; if alive; then run_nginx -s reload; fi ;;
  stop) if alive; then run_nginx -s quit; fi ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
