#!/usr/bin/env bash
# Local cluster on loopback: start N nodes, stop them, show status.
#
#   scripts/cluster.sh up [N] [--postgres CONNSTR|local] [--no-demo] [--monitoring] [--lb-port P] [--no-build]
#                                                    build, start N nodes (default 3), wait until all are Up, start
#                                                    the load balancer (nginx, deploy/nginx) in front of them on port
#                                                    P (default 8080; its URL is the cluster's), then
#                                                    put a generated demo clip through the cluster (scripts/demo.sh)
#                                                    and print the player page's URL; --postgres local starts a
#                                                    throwaway PostgreSQL in .cluster/pg; --monitoring starts a
#                                                    Prometheus (deploy/monitoring) scraping every node and prints
#                                                    its URL (port 9090, CLUSTER_PROMETHEUS_PORT changes it)
#                                                    --no-build starts the build output as it is (otherwise
#                                                    a ReadyToRun publish of the node into .cluster/publish)
#   scripts/cluster.sh rolling-restart [--build]     replace every node, one at a time, with what the nodes run (--build:
#                                                    a new release of the current sources, built beside the running one)
#                                                    (--build builds first), the oldest member last: drain it
#                                                    (readiness 503, its edge port refuses the balancer, its
#                                                    requests finish), stop it (leave: shards and singletons hand
#                                                    over), start it, wait until it is Up and ready (its edge port
#                                                    opens: back in the balancer); then the next node; the
#                                                    balancer is never reloaded (docs/operations.md)
#   scripts/cluster.sh status                        processes, membership and readiness of every node
#   scripts/cluster.sh down                          stop every node gracefully (SIGTERM: leave, hand over, exit 0)
#                                                    and the load balancer
#   scripts/cluster.sh stop I                        take node I out of the balancer, then stop it gracefully
#   scripts/cluster.sh kill I                        take node I out of the balancer, then SIGKILL it (the others
#                                                    down it)
#   scripts/cluster.sh start I                       start node I again (after stop or kill); back in the balancer
#                                                    once it is ready
#   scripts/cluster.sh logs I                        follow node I's log
#
# Every node gets the same command line but its ports: they find each other through cluster bootstrap over the
# same contact-point list, so nobody is designated first. State lives in .cluster/ (per-node logs and data; one
# shared SQLite journal file unless --postgres is given). Ports: HTTP 8081.., remoting 4051.., gRPC (h2c) 5051..,
# edge (what the balancer sends to) 7081.. (CLUSTER_HTTP_BASE, CLUSTER_REMOTE_BASE, CLUSTER_GRPC_BASE,
# CLUSTER_EDGE_BASE change them); the balancer's gRPC listener is on 5050
# (CLUSTER_LB_GRPC_PORT). With PostgreSQL the journal's tables are made first (Cluster.Node migrate).
#
# The load balancer runs as you from .cluster/lb (config, pid, logs, temp files; no root, no system config). Nodes
# believe its X-Forwarded-For only because .cluster/cluster.hocon lists 127.0.0.1 in
# media-platform.security.trusted-proxies (so any local process could claim another client address: a sandbox).
#
# Secrets: the first start makes a random token key and admin token in .cluster/secrets/ (directory 0700, files
# 0600) and keeps them across restarts, so tokens survive node restarts. Nodes read them from those files
# (--token-key-file, --admin-token-file): never from the command line, where `ps` would show them.
set -euo pipefail
# Logs, data and secrets of the local cluster are the operator's alone (node logs name entity ids such as emails).
umask 077
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CLUSTER_STATE_DIR:-$ROOT/.cluster}"
HTTP_BASE="${CLUSTER_HTTP_BASE:-8081}"
REMOTE_BASE="${CLUSTER_REMOTE_BASE:-4051}"
GRPC_BASE="${CLUSTER_GRPC_BASE:-5051}"
# Each node's edge port (--edge-port), the one the balancer sends to: open only while the node is ready and not
# draining, so a rolling restart takes nodes out of the balancer and back without reloading it.
EDGE_BASE="${CLUSTER_EDGE_BASE:-7081}"
LB_GRPC_PORT="${CLUSTER_LB_GRPC_PORT:-5050}"
CONFIGURATION="${CLUSTER_BUILD_CONFIGURATION:-Release}"
# A local cluster is an operator's sandbox: management mutations are on and the admin token is in a file only its
# owner can read, so scripts/mpctl.sh can join, leave and down members. CLUSTER_ADMIN_TOKEN (>= 16 characters) sets
# your own token when the secrets are first made.
SECRETS="$STATE/secrets"
TOKEN_KEY_FILE="$SECRETS/token-key"
ADMIN_TOKEN_FILE="$SECRETS/admin-token"
# "Authorization: Bearer <admin token>" for curl -H @FILE: the token never appears in curl's own command line.
ADMIN_HEADER_FILE="$SECRETS/admin-authorization-header"
BIN="$ROOT/src/Cluster.Node/bin/$CONFIGURATION/net10.0/Cluster.Node.dll"
# What the nodes run: the ReadyToRun publish `up` makes in $STATE/publish (the build output above with --no-build),
# until `rolling-restart --build` publishes a release of its own into $RELEASES/<time> (never over the files running
# nodes have open); $STATE/bin records which.
RELEASES="$STATE/releases"
# Prometheus for --monitoring: deploy/monitoring's config and rules, laid out with their token and target files.
MONITORING="$STATE/monitoring"
PROMETHEUS_PORT="${CLUSTER_PROMETHEUS_PORT:-9090}"
# The load balancer (scripts/nginx.sh) and the HOCON every local node is given on top of config/*.hocon.
LB="$STATE/lb"
NODE_HOCON="$STATE/cluster.hocon"

http_port() { echo $((HTTP_BASE + $1 - 1)); }
remote_port() { echo $((REMOTE_BASE + $1 - 1)); }
grpc_port() { echo $((GRPC_BASE + $1 - 1)); }
edge_port() { echo $((EDGE_BASE + $1 - 1)); }
node_dir() { echo "$STATE/node-$1"; }
node_count() { cat "$STATE/count" 2>/dev/null || echo 0; }
pid_of() { cat "$(node_dir "$1")/pid" 2>/dev/null || true; }
alive() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

# The nodes run a ReadyToRun publish (precompiled: less JIT work at every start and while the first titles encode,
# bench/README.md); --no-build runs the plain build output as it is.
publish_node() {
  dotnet publish "$ROOT/src/Cluster.Node/Cluster.Node.csproj" -c "$CONFIGURATION" --os linux --self-contained false \
    -p:PublishReadyToRun=true -nologo -v quiet -o "$1" >/dev/null
}

build() {
  echo "building the node ($CONFIGURATION, ReadyToRun) into $STATE/publish..."
  "$ROOT/scripts/setup.sh" node images   # npm builds the player page; the image pipeline needs the face cascades + libgtk-3-0
  publish_node "$STATE/publish"
  echo "$STATE/publish/Cluster.Node.dll" >"$STATE/bin"
}

node_bin() { cat "$STATE/bin" 2>/dev/null || echo "$BIN"; }

# A new release for a roll: the current sources built into a folder of their own, which the restarted nodes run. The
# running nodes keep theirs untouched (a build over them would rewrite assemblies they have yet to load). The two
# newest releases are kept: the one rolled onto and the one it replaced.
build_release() {
  local dir; dir="$RELEASES/$(date +%Y%m%d-%H%M%S)"
  echo "building a release of the node ($CONFIGURATION) into $dir..."
  "$ROOT/scripts/setup.sh" node images
  mkdir -p "$RELEASES"
  publish_node "$dir" || return 1
  echo "$dir/Cluster.Node.dll" >"$STATE/bin"
  local old; for old in $(ls -1d "$RELEASES"/*/ 2>/dev/null | sort | head -n -2); do rm -rf "$old"; done
}

# Random per-cluster secrets, made once and kept with the cluster's state.
ensure_secrets() {
  (
    umask 077
    mkdir -p "$SECRETS"
    chmod 700 "$SECRETS"
    [[ -s "$TOKEN_KEY_FILE" ]] || head -c 48 /dev/urandom | base64 -w0 >"$TOKEN_KEY_FILE"
    if [[ ! -s "$ADMIN_TOKEN_FILE" ]]; then
      if [[ -n "${CLUSTER_ADMIN_TOKEN:-}" ]]; then printf '%s' "$CLUSTER_ADMIN_TOKEN" >"$ADMIN_TOKEN_FILE"
      else head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' >"$ADMIN_TOKEN_FILE"; fi
    fi
    printf 'Authorization: Bearer %s\n' "$(cat "$ADMIN_TOKEN_FILE")" >"$ADMIN_HEADER_FILE"
    chmod 600 "$TOKEN_KEY_FILE" "$ADMIN_TOKEN_FILE" "$ADMIN_HEADER_FILE"
  )
}

# curl with the admin token, for management reads (/cluster/*, /actors/*, /remote/*, /scheduler/*).
admin_curl() { curl -H @"$ADMIN_HEADER_FILE" "$@"; }

contact_points() {
  local n="$1" list="" i
  for ((i = 1; i <= n; i++)); do list+="${list:+,}127.0.0.1:$(http_port "$i")"; done
  echo "$list"
}

start_node() {
  local i="$1" n; n="$(node_count)"
  local dir; dir="$(node_dir "$i")"
  mkdir -p "$dir/data"
  if alive "$i"; then echo "node $i already runs (pid $(pid_of "$i"))"; return; fi
  ensure_secrets
  # A connection string may hold a password: it goes by environment, never argv (ps shows argv to every user).
  local db_args=(--sqlite-file "$STATE/journal.db")
  if [[ -f "$STATE/postgres" ]]; then db_args=(); export NODE_POSTGRES; NODE_POSTGRES="$(cat "$STATE/postgres")"; fi
  [[ -s "$NODE_HOCON" ]] || echo 'media-platform.security.trusted-proxies = ["127.0.0.1"]  # the load balancer' >"$NODE_HOCON"
  nohup dotnet "$(node_bin)" \
    --node-name "node-$i" --hostname 127.0.0.1 --config "$NODE_HOCON" \
    --http-port "$(http_port "$i")" --remote-port "$(remote_port "$i")" --grpc-port "$(grpc_port "$i")" --edge-port "$(edge_port "$i")" \
    --discovery config --contact-points "$(contact_points "$n")" \
    --data-dir "$dir/data" --blob-dir "$STATE/blobs" "${db_args[@]}" \
    --token-key-file "$TOKEN_KEY_FILE" --admin-token-file "$ADMIN_TOKEN_FILE" --management-mutations \
    >>"$dir/node.log" 2>&1 &
  echo $! >"$dir/pid"
  echo "node $i: pid $!, http://127.0.0.1:$(http_port "$i")/, log $dir/node.log"
}

wait_up() {
  local n="$1" deadline=$((SECONDS + ${CLUSTER_WAIT_SECONDS:-90})) i up
  echo "waiting for $n members Up..."
  while ((SECONDS < deadline)); do
    up=0
    for ((i = 1; i <= n; i++)); do
      if ! alive "$i"; then echo "node $i exited; last log lines:"; tail -n 20 "$(node_dir "$i")/node.log"; return 1; fi
      if curl -fsS "http://127.0.0.1:$(http_port "$i")/health/ready" >/dev/null 2>&1; then up=$((up + 1)); fi
    done
    if ((up == n)); then return 0; fi
    sleep 1
  done
  echo "timed out waiting for the cluster; see $STATE/node-*/node.log"
  return 1
}

lb_port() { cat "$LB/port" 2>/dev/null || true; }
lb_alive() { local p; p="$(cat "$LB/nginx.pid" 2>/dev/null || true)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

# Writes the balancer's config from the node list: a node taken out (stop/kill, or started but not ready yet) stays
# listed as `down`, so nginx sends it nothing.
lb_render() {
  local n i servers=() grpc=""
  n="$(node_count)"
  for ((i = 1; i <= n; i++)); do
    if [[ -f "$(node_dir "$i")/out-of-lb" ]]; then
      servers+=("127.0.0.1:$(edge_port "$i")=down"); grpc+="${grpc:+ }127.0.0.1:$(grpc_port "$i")=down"
    else
      servers+=("127.0.0.1:$(edge_port "$i")"); grpc+="${grpc:+ }127.0.0.1:$(grpc_port "$i")"
    fi
  done
  NGINX_GRPC_LISTEN="127.0.0.1:$LB_GRPC_PORT" NGINX_GRPC_SERVERS="$grpc" \
    "$ROOT/scripts/nginx.sh" render "$LB" "127.0.0.1:$(lb_port)" "${servers[@]}"
}

start_lb() {
  local port="$1"
  "$ROOT/scripts/setup.sh" nginx
  mkdir -p "$LB"; echo "$port" >"$LB/port"
  lb_render
  "$ROOT/scripts/nginx.sh" start "$LB" || { echo "the load balancer did not start; see $LB/error.log"; return 1; }
  echo "load balancer: http://127.0.0.1:$port/ -> $(node_count) nodes (config $LB/nginx.conf, access log $LB/access.log)"
  echo "gRPC (h2c, bearer token): 127.0.0.1:$LB_GRPC_PORT -> the nodes' ports $(grpc_port 1)..; proto src/Cluster.Node/Grpc/title_services.proto"
}

# Readiness-driven membership of the balancer: out before a node is stopped, in again once it answers ready.
lb_out() {
  touch "$(node_dir "$1")/out-of-lb"
  if lb_alive; then lb_render && "$ROOT/scripts/nginx.sh" reload "$LB" && echo "node $1 out of the load balancer"; fi
}

lb_in() {
  local i="$1" deadline=$((SECONDS + ${CLUSTER_WAIT_SECONDS:-90}))
  lb_alive || { rm -f "$(node_dir "$i")/out-of-lb"; return 0; }
  until curl -fsS "http://127.0.0.1:$(http_port "$i")/health/ready" >/dev/null 2>&1; do
    if ! alive "$i" || ((SECONDS >= deadline)); then echo "node $i is not ready; it stays out of the load balancer"; return 1; fi
    sleep 1
  done
  rm -f "$(node_dir "$i")/out-of-lb"
  lb_render && "$ROOT/scripts/nginx.sh" reload "$LB" && echo "node $i back in the load balancer"
}

stop_lb() {
  lb_alive || return 0
  "$ROOT/scripts/nginx.sh" stop "$LB"
  echo "load balancer stopped"
}

# A fresh PostgreSQL database gets its tables from one process before any node starts.
migrate() {
  [[ -f "$STATE/postgres" ]] || return 0
  NODE_POSTGRES="$(cat "$STATE/postgres")" dotnet "$(node_bin)" migrate
}

prometheus_alive() { local p; p="$(cat "$MONITORING/pid" 2>/dev/null || true)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

# The repo's prometheus.yml reads admin-token and targets.json beside it: a link to the cluster's admin token (never
# a copy, never in the config) and the nodes' HTTP ports.
start_monitoring() {
  local n="$1" i targets=""
  "$ROOT/scripts/setup.sh" prometheus
  if prometheus_alive; then echo "Prometheus already runs: http://127.0.0.1:$PROMETHEUS_PORT/"; return 0; fi
  mkdir -p "$MONITORING/data"
  cp "$ROOT/deploy/monitoring/prometheus.yml" "$ROOT/deploy/monitoring/rules.yml" "$MONITORING/"
  ln -sfn "$ADMIN_TOKEN_FILE" "$MONITORING/admin-token"
  for ((i = 1; i <= n; i++)); do targets+="${targets:+, }\"127.0.0.1:$(http_port "$i")\""; done
  printf '[{"targets": [%s], "labels": {"cluster": "local"}}]\n' "$targets" >"$MONITORING/targets.json"
  nohup prometheus --config.file="$MONITORING/prometheus.yml" --storage.tsdb.path="$MONITORING/data" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >>"$MONITORING/prometheus.log" 2>&1 &
  echo $! >"$MONITORING/pid"
  local deadline=$((SECONDS + 30))
  until curl -fsS "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; do
    if ! prometheus_alive || ((SECONDS >= deadline)); then echo "Prometheus did not start; see $MONITORING/prometheus.log"; tail -n 5 "$MONITORING/prometheus.log"; return 1; fi
    sleep 0.5
  done
  echo "Prometheus: http://127.0.0.1:$PROMETHEUS_PORT/ (targets /targets, alerts /alerts; log $MONITORING/prometheus.log)"
}

stop_monitoring() {
  prometheus_alive || return 0
  kill -TERM "$(cat "$MONITORING/pid")"
  echo "Prometheus stopped"
}

status() {
  local n i; n="$(node_count)"
  if ((n == 0)); then echo "no local cluster (run: scripts/cluster.sh up)"; return 0; fi
  if lb_alive; then echo "load balancer: http://127.0.0.1:$(lb_port)/ (pid $(cat "$LB/nginx.pid"))"; else echo "load balancer: not running"; fi
  printf '%-7s %-8s %-24s %-6s\n' NODE PID HTTP READY
  for ((i = 1; i <= n; i++)); do
    local state="down" ready="-"
    if alive "$i"; then
      state="$(pid_of "$i")"
      ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port "$i")/health/ready" || true)"
      [[ "$ready" == 200 ]] && ready=yes || ready="no($ready)"
    fi
    printf '%-7s %-8s %-24s %-6s\n' "node-$i" "$state" "http://127.0.0.1:$(http_port "$i")" "$ready"
  done
  for ((i = 1; i <= n; i++)); do
    if alive "$i"; then
      echo
      echo "membership as seen by node-$i:"
      admin_curl -fsS "http://127.0.0.1:$(http_port "$i")/cluster/members" | python3 "$ROOT/scripts/lib/print_members.py" || true
      return 0
    fi
  done
}

stop_node() {
  local i="$1" signal="$2" p; p="$(pid_of "$i")"
  if ! alive "$i"; then echo "node $i is not running"; return 0; fi
  kill "-$signal" "$p"
  if [[ "$signal" == KILL ]]; then echo "node $i (pid $p) killed"; return 0; fi
  local deadline=$((SECONDS + 60))
  while kill -0 "$p" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$p" 2>/dev/null; then echo "node $i did not exit within 60 s; killing"; kill -KILL "$p"; else echo "node $i (pid $p) stopped"; fi
}

wait_ready() {
  local i="$1" deadline=$((SECONDS + ${CLUSTER_WAIT_SECONDS:-90}))
  until curl -fsS "http://127.0.0.1:$(http_port "$i")/health/ready" >/dev/null 2>&1; do
    if ! alive "$i"; then echo "node $i exited; last log lines:"; tail -n 20 "$(node_dir "$i")/node.log"; return 1; fi
    if ((SECONDS >= deadline)); then echo "node $i is not ready after ${CLUSTER_WAIT_SECONDS:-90} s"; return 1; fi
    sleep 0.5
  done
}

# Connections the balancer holds to node I's edge port (requests in flight and idle keep-alive ones).
edge_connections() { ss -Htn state established "( sport = :$(edge_port "$1") )" 2>/dev/null | wc -l; }

# After SIGUSR1 the node's edge port refuses new connections (nginx sends those requests to another node: nothing
# was sent, so a POST without a key too), answers the requests still reaching it with Connection: close, and never
# closes an idle connection itself: nginx closes those (upstream keepalive_timeout 3s). Once it holds none, nothing
# can be in flight to the node.
wait_edge_idle() {
  local i="$1" deadline=$((SECONDS + 30)) open
  if ! command -v ss >/dev/null; then sleep 5; return 0; fi
  while open="$(edge_connections "$i")"; ((open > 0)); do
    if ((SECONDS >= deadline)); then echo "node $i still has $open connections from the balancer after 30 s; stopping it anyway"; return 0; fi
    sleep 0.2
  done
  echo "the balancer holds no connection to node $i"
}

# One node replaced with the current build output, without a failed request and without reloading the balancer (a
# reload closes its clients' idle keep-alive connections, and a POST sent on one at that instant is lost): SIGUSR1
# turns readiness to 503 and closes the node's edge port, so the balancer's passive health takes it out (a refused
# connect is sent to another node); once the balancer holds no connection to it, SIGTERM leaves the cluster
# (CoordinatedShutdown hands its shards and singletons over) and the process exits; the new one opens its edge port
# when it is Up and ready, and the balancer sends to it again within fail_timeout (5 s).
roll_node() {
  local i="$1" step="$2" began=$SECONDS deadline p
  p="$(pid_of "$i")"
  if ! alive "$i"; then echo "[$step] node $i is not running: starting it"; else
    kill -USR1 "$p"
    deadline=$((SECONDS + 15))
    while [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port "$i")/health/ready" || true)" == 200 ]]; do
      if ((SECONDS >= deadline)); then echo "[$step] node $i still answers ready 15 s after SIGUSR1; stopping the roll"; return 1; fi
      sleep 0.2
    done
    echo "[$step] node $i draining (readiness 503, edge port closed)"
    wait_edge_idle "$i" | sed "s|^|[$step] |"
    stop_node "$i" TERM | sed "s|^|[$step] |"
  fi
  start_node "$i" | sed "s|^|[$step] |"
  wait_ready "$i" || return 1
  echo "[$step] node $i Up and ready (pid $(pid_of "$i"))"
  if [[ -f "$(node_dir "$i")/out-of-lb" ]]; then
    # Taken out by `stop`/`kill` before the roll: listed as down, so only a reload puts it back.
    lb_in "$i" | sed "s|^|[$step] |" || return 1
  else
    deadline=$((SECONDS + 30))
    until curl -fsS "http://127.0.0.1:$(edge_port "$i")/health/ready" >/dev/null 2>&1; do
      if ((SECONDS >= deadline)); then echo "[$step] node $i's edge port did not open"; return 1; fi
      sleep 0.2
    done
    echo "[$step] node $i's edge port open: back in the balancer"
  fi
  echo "[$step] node $i replaced in $((SECONDS - began)) s"
}

# The node hosting the cluster singletons (the oldest member; the shard coordinators among them), by its number.
oldest_node() {
  local n i port; n="$(node_count)"
  for ((i = 1; i <= n; i++)); do
    alive "$i" || continue
    port="$(admin_curl -fsS "http://127.0.0.1:$(http_port "$i")/cluster/singletons" 2>/dev/null \
      | python3 -c 'import json, sys; print((json.load(sys.stdin).get("oldest") or ":0").rsplit(":", 1)[1])' 2>/dev/null || true)"
    if [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0)); then echo $((port - REMOTE_BASE + 1)); return 0; fi
  done
  echo 0
}

rolling_restart() {
  local n i k=0 oldest began=$SECONDS order=(); n="$(node_count)"
  ((n > 0)) || { echo "no local cluster (run: scripts/cluster.sh up)"; return 1; }
  local bin; bin="$(node_bin)"
  [[ -f "$bin" ]] || { echo "no build output at $bin (scripts/cluster.sh rolling-restart --build)"; return 1; }
  # The oldest member goes last: its singletons (shard coordinators, scheduler, work queue) then move once, not
  # once per node, and requests waiting for a coordinator during a move are what can time out.
  oldest="$(oldest_node)"
  for ((i = 1; i <= n; i++)); do ((i == oldest)) || order+=("$i"); done
  ((oldest >= 1 && oldest <= n)) && order+=("$oldest")
  echo "rolling restart of $n nodes onto $bin ($(date -r "$bin" '+%F %T')); order ${order[*]} (node $oldest, the oldest, holds the singletons)"
  for i in "${order[@]}"; do
    k=$((k + 1))
    roll_node "$i" "$k/$n" || { echo "rolling restart stopped at node $i"; return 1; }
  done
  echo "rolling restart done: $n nodes in $((SECONDS - began)) s"
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  up)
    n=3; pg=""; demo=yes; monitoring=no; no_build=no; lb_port_wanted="${CLUSTER_LB_PORT:-8080}"
    while (($#)); do
      case "$1" in
        --postgres) pg="$2"; shift 2 ;;
        --no-demo) demo=no; shift ;;
        --monitoring) monitoring=yes; shift ;;
        --lb-port) lb_port_wanted="${2:-}"; shift 2 || shift ;;
        --no-build) no_build=yes; shift ;;
        [0-9]*) n="$1"; shift ;;
        *) echo "unknown argument '$1'"; exit 2 ;;
      esac
    done
    if ! [[ "$lb_port_wanted" =~ ^[0-9]+$ ]] || ((lb_port_wanted < 1 || lb_port_wanted > 65535)); then
      echo "error: --lb-port must be a TCP port (1-65535), got '$lb_port_wanted'"; exit 2
    fi
    if (($(node_count) > 0)); then for ((i = 1; i <= $(node_count); i++)); do alive "$i" && { echo "a local cluster already runs; scripts/cluster.sh down first"; exit 1; }; done; fi
    mkdir -p "$STATE"; echo "$n" >"$STATE/count"
    if [[ "$pg" == local ]]; then
      "$ROOT/scripts/setup.sh" postgres
      # As root the server runs as the postgres user (scripts/postgres.sh), who must pass through .cluster — 0700
      # under this script's umask — to reach its own .cluster/pg. Search only: nothing in .cluster can be listed,
      # and every node directory and the secrets stay 0700.
      if [[ "$(id -u)" == 0 ]]; then chmod o+x "$STATE"; fi
      pg="$("$ROOT/scripts/postgres.sh" start "$STATE/pg")"
      echo "local PostgreSQL: ${pg%%;Username*} (stopped by scripts/cluster.sh down)"
    fi
    if [[ -n "$pg" ]]; then (umask 077; echo "$pg" >"$STATE/postgres"); else rm -f "$STATE/postgres"; fi
    rm -f "$STATE/bin"   # a new cluster runs this build, not an earlier cluster's release
    [[ "$no_build" == yes ]] || build
    migrate
    for ((i = 1; i <= n; i++)); do rm -f "$(node_dir "$i")/out-of-lb"; start_node "$i"; done
    wait_up "$n"
    start_lb "$lb_port_wanted"
    status
    echo
    echo "admin token: in $ADMIN_TOKEN_FILE (scripts/mpctl.sh reads it from there)"
    if [[ "$monitoring" == yes ]]; then echo; start_monitoring "$n"; fi
    if [[ "$demo" == yes ]]; then echo; "$ROOT/scripts/demo.sh"; fi
    echo
    echo "web app (sign up, subscribe, watch, upload): http://127.0.0.1:$(lb_port)/app/ (through the load balancer; every node serves it)"
    ;;
  status) status ;;
  down)
    stop_lb
    for ((i = 1; i <= $(node_count); i++)); do stop_node "$i" TERM; done
    stop_monitoring
    if [[ -d "$STATE/pg/data" ]]; then "$ROOT/scripts/postgres.sh" stop "$STATE/pg"; echo "local PostgreSQL stopped"; fi
    ;;
  stop) lb_out "${1:?node number}"; stop_node "$1" TERM ;;
  kill) lb_out "${1:?node number}"; stop_node "$1" KILL ;;
  start) start_node "${1:?node number}"; lb_in "$1" ;;
  logs) tail -f "$(node_dir "${1:?node number}")/node.log" ;;
  rolling-restart)
    wanted_build=no
    while (($#)); do
      case "$1" in
        --build) wanted_build=yes; shift ;;
        *) echo "unknown argument '$1'"; exit 2 ;;
      esac
    done
    if [[ "$wanted_build" == yes ]]; then build_release || { echo "the build failed; no node was restarted"; exit 1; }; fi
    rolling_restart
    ;;
  *) sed -n '2,30p' "$0"; exit 2 ;;
esac
