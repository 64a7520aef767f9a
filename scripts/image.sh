#!/usr/bin/env bash
# The node's container image built on this machine, with no Docker engine and no registry base image, and a cluster
# of its containers under podman. Needs root, and Debian's buildah, podman, runc and debootstrap (apt-get install -y
# buildah podman runc debootstrap). Not part of the test command.
#
#   scripts/image.sh build        a Debian bookworm root filesystem (debootstrap --variant=minbase, plus ffmpeg, ICU
#                                 and CA certificates), the node published self-contained for linux-x64, assembled
#                                 with buildah from scratch into the image localhost/media-node:dev
#   scripts/image.sh cluster [N]  N containers (default 3) of that image on a private podman network: cluster
#                                 bootstrap over their contact points, one SQLite journal and one blob folder on a
#                                 shared volume, secrets in 0600 files; waits until all N are Up and prints members
#   scripts/image.sh status       containers and the cluster's members as node 1 sees them
#   scripts/image.sh down         stop and remove the containers and the network (the image stays)
#
# Work files (root filesystem, published node, cluster state) live in IMAGE_WORK (default /var/tmp/media-image), never
# in the repository. Ports on the host: node i's HTTP on 127.0.0.1:(IMAGE_HTTP_BASE + i - 1), default 18081.., its gRPC
# (h2c) on IMAGE_GRPC_BASE.., default 15051...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${IMAGE_WORK:-/var/tmp/media-image}"
IMAGE="${IMAGE_NAME:-localhost/media-node:dev}"
NETWORK=media-net
SUBNET_PREFIX="${IMAGE_SUBNET_PREFIX:-10.89.7}"   # node i gets $SUBNET_PREFIX.(10 + i)
HTTP_BASE="${IMAGE_HTTP_BASE:-18081}"
GRPC_BASE="${IMAGE_GRPC_BASE:-15051}"
MIRROR="${IMAGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
APP_UID=1000

need() { command -v "$1" >/dev/null || { echo "error: $1 is not installed (apt-get install -y buildah podman runc debootstrap)" >&2; exit 1; }; }
node_ip() { echo "$SUBNET_PREFIX.$((10 + $1))"; }

rootfs() {
  local dir="$WORK/rootfs"
  if [[ -x "$dir/usr/bin/ffmpeg" ]]; then
    echo "root filesystem: $dir (already made)"
  else
    rm -rf "$dir"
    echo "debootstrap bookworm (minbase) into $dir..."
    debootstrap --variant=minbase bookworm "$dir" "$MIRROR" >"$WORK/debootstrap.log"
    echo "ffmpeg, ICU and CA certificates..."
    chroot "$dir" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive
      apt-get update && apt-get install -y --no-install-recommends ffmpeg opencv-data libgtk-3-0 libicu72 ca-certificates \
      && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin' >"$WORK/packages.log"
  fi
  # The node runs as an ordinary user; its data is a volume that user owns.
  if ! chroot "$dir" /usr/bin/id app >/dev/null 2>&1; then
    chroot "$dir" /usr/sbin/groupadd --gid "$APP_UID" app
    chroot "$dir" /usr/sbin/useradd --uid "$APP_UID" --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app
  fi
}

publish() {
  echo "publishing the node self-contained (linux-x64)..."
  rm -rf "$WORK/publish"
  dotnet publish "$ROOT/src/Cluster.Node/Cluster.Node.csproj" -c Release -r linux-x64 --self-contained \
    -o "$WORK/publish" -nologo -v quiet >"$WORK/publish.log"
}

build() {
  need buildah; need debootstrap; need dotnet
  mkdir -p "$WORK"
  rootfs
  publish
  local ctr mnt
  ctr="$(buildah from scratch)"
  trap 'buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
  mnt="$(buildah mount "$ctr")"
  cp -a "$WORK/rootfs/." "$mnt/"
  mkdir -p "$mnt/app" "$mnt/data"
  cp -a "$WORK/publish/." "$mnt/app/"
  chown "$APP_UID:$APP_UID" "$mnt/data"
  buildah umount "$ctr" >/dev/null
  buildah config \
    --entrypoint '["/app/Cluster.Node"]' --workingdir /app --user app \
    --env NODE_HOSTNAME=0.0.0.0 --env NODE_HTTP_PORT=8080 --env NODE_REMOTE_PORT=4053 --env NODE_GRPC_PORT=5051 \
    --env NODE_DATA_DIR=/data --env DOTNET_gcServer=0 \
    --port 8080 --port 4053 --port 5051 --volume /data \
    --label org.opencontainers.image.title=media-node "$ctr"
  buildah commit --rm "$ctr" "$IMAGE" >/dev/null
  trap - EXIT
  podman image ls "$IMAGE"
}

cluster() {
  need podman; need runc
  local n="${1:-3}" i points="" state="$WORK/cluster"
  podman image exists "$IMAGE" || { echo "error: no image $IMAGE (scripts/image.sh build)" >&2; exit 1; }
  down quiet
  mkdir -p "$state/shared/blobs" "$state/secrets"
  # Secrets as files only the node's user reads, mounted read-only: never in argv or the image.
  head -c 48 /dev/urandom | base64 -w0 >"$state/secrets/token-key"
  head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' >"$state/secrets/admin-token"
  chmod 700 "$state/secrets"; chmod 600 "$state/secrets/"*
  chown -R "$APP_UID:$APP_UID" "$state/shared" "$state/secrets"
  podman network create --subnet "$SUBNET_PREFIX.0/24" "$NETWORK" >/dev/null
  for ((i = 1; i <= n; i++)); do points+="${points:+,}$(node_ip "$i"):8080"; done
  for ((i = 1; i <= n; i++)); do
    # runc, not Debian's default crun: on a host with cgroup v1 plus a v2 mount holding controllers ("hybrid") crun
    # refuses to start anything. Explicit limits: podman's defaults (1048576 open files, the host's process limit) are
    # above what a sandbox may set ("setrlimit RLIMIT_NOFILE: Operation not permitted").
    podman --runtime runc run -d --name "media-node-$i" --hostname "node-$i" --network "$NETWORK" --ip "$(node_ip "$i")" \
      --ulimit nofile=16384:16384 --ulimit nproc=4096:4096 \
      -p "127.0.0.1:$((HTTP_BASE + i - 1)):8080" -p "127.0.0.1:$((GRPC_BASE + i - 1)):5051" \
      -v "$state/shared:/shared" -v "$state/secrets:/secrets:ro" \
      -e NODE_NAME="node-$i" -e NODE_PUBLIC_HOSTNAME="$(node_ip "$i")" \
      -e NODE_DISCOVERY=config -e NODE_CONTACT_POINTS="$points" \
      -e NODE_SQLITE_FILE=/shared/journal.db -e NODE_BLOB_DIR=/shared/blobs \
      -e NODE_TOKEN_KEY_FILE=/secrets/token-key -e NODE_ADMIN_TOKEN_FILE=/secrets/admin-token \
      "$IMAGE" >/dev/null
    echo "media-node-$i: $(node_ip "$i") on $NETWORK, http://127.0.0.1:$((HTTP_BASE + i - 1))/, gRPC 127.0.0.1:$((GRPC_BASE + i - 1))"
  done
  local deadline=$((SECONDS + ${IMAGE_WAIT_SECONDS:-120})) up
  echo "waiting for $n members Up..."
  while ((SECONDS < deadline)); do
    up=0
    for ((i = 1; i <= n; i++)); do
      if curl -fsS "http://127.0.0.1:$((HTTP_BASE + i - 1))/health/ready" >/dev/null 2>&1; then up=$((up + 1)); fi
    done
    if ((up == n)); then status; return 0; fi
    sleep 1
  done
  echo "timed out; logs: podman logs media-node-1"
  return 1
}

status() {
  podman ps -a --filter "name=media-node-" --format '{{.Names}}  {{.Status}}  {{.Networks}}'
  local token; token="$(cat "$WORK/cluster/secrets/admin-token" 2>/dev/null || true)"
  [[ -n "$token" ]] || return 0
  curl -fsS -H @<(printf 'Authorization: Bearer %s\n' "$token") "http://127.0.0.1:$HTTP_BASE/cluster/members" \
    | python3 "$ROOT/scripts/lib/print_members.py" || true
}

down() {
  local c
  for c in $(podman ps -a --filter "name=media-node-" --format '{{.Names}}'); do podman rm -f -t 20 "$c" >/dev/null; done
  if podman network exists "$NETWORK"; then podman network rm "$NETWORK" >/dev/null; fi
  [[ "${1:-}" == quiet ]] || echo "containers and network removed"
}

[[ "$(id -u)" == 0 ]] || { echo "error: run as root (debootstrap, buildah and podman networks need it)" >&2; exit 1; }
case "${1:-}" in
  build) build ;;
  cluster) cluster "${2:-3}" ;;
  status) status ;;
  down) down ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
