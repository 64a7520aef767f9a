#!/usr/bin/env bash
# Installs what a fresh machine of this kind (Debian 12 with the .NET 10 SDK) lacks, and nothing it already has.
#   scripts/setup.sh [ffmpeg] [postgres] [node] [chromium] [prometheus] [nginx] [images]   (no arguments: all of them)
# node (with npm) builds the player page's scripts and runs the browser check; chromium is what that check drives;
# prometheus (with promtool) checks deploy/monitoring in the tests and runs for scripts/cluster.sh up --monitoring;
# nginx is the load balancer scripts/cluster.sh up puts in front of the nodes (deploy/nginx; checked in the tests);
# images: the face cascades (opencv-data) and libgtk-3-0, which OpenCvSharp's native library needs to load.
# Needs root (or sudo) only when something is actually missing.
set -euo pipefail
wanted=("$@"); ((${#wanted[@]})) || wanted=(ffmpeg postgres node chromium prometheus nginx images)

missing=()
for w in "${wanted[@]}"; do
  case "$w" in
    ffmpeg) command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg) ;;
    postgres) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql) ;;
    node) command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm) ;;
    chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
    prometheus) command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus) ;;
    nginx) command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx) ;;
    images) [[ -f /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml ]] || missing+=(opencv-data)
            compgen -G "/usr/lib/*/libgtk-3.so.0" >/dev/null || missing+=(libgtk-3-0) ;;
    *) echo "setup: unknown prerequisite '$w'" >&2; exit 2 ;;
  esac
done
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required and not on PATH" >&2; exit 1; }
((${#missing[@]})) || exit 0

echo "setup: installing ${missing[*]} from apt..."
SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts a cluster of its own on 5432; tests start their own throwaway server instead.
if [[ " ${missing[*]} " == *" postgresql "* ]]; then $SUDO service postgresql stop >/dev/null 2>&1 || true; fi
# Likewise the Prometheus package's own server on 9090: scripts/cluster.sh --monitoring starts one for the cluster.
if [[ " ${missing[*]} " == *" prometheus "* ]]; then $SUDO service prometheus stop >/dev/null 2>&1 || true; fi
# And nginx's own server on port 80: scripts/nginx.sh runs one per cluster from its own directory.
if [[ " ${missing[*]} " == *" nginx "* ]]; then $SUDO service nginx stop >/dev/null 2>&1 || true; fi
echo "setup: done"
