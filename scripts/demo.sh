#!/usr/bin/env bash
# Puts a demo title through the running local cluster: generates a short clip with ffmpeg's lavfi sources (a moving
# test picture with a tone; nothing is downloaded) and English subtitles (SRT) timed to it, signs up a demo user,
# creates a title, uploads the subtitles and the clip (through the load balancer when one runs, else node 1),
# follows the title while the cluster probes, transcodes (chunks spread over every node), checks and publishes it
# (saying when it became playable: its first segments served while it still transcodes), and prints the player
# page's URL. The demo user's token goes to curl through a 0600 header file in the cluster's
# state directory, never on a command line or the screen.
#
#   scripts/demo.sh [seconds]        (default 20 s of 1280x720; DEMO_WAIT_SECONDS bounds the wait, default 600)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CLUSTER_STATE_DIR:-$ROOT/.cluster}"
API="http://127.0.0.1:${CLUSTER_HTTP_BASE:-8081}"
# Through the load balancer when scripts/cluster.sh up runs one, so the printed links are the cluster's, not a node's.
if [[ -s "$STATE/lb/port" && -s "$STATE/lb/nginx.pid" ]] && kill -0 "$(cat "$STATE/lb/nginx.pid")" 2>/dev/null; then API="http://127.0.0.1:$(cat "$STATE/lb/port")"; fi
SECONDS_OF_VIDEO="${1:-20}"
CLIP="$STATE/demo.mp4"
SUBTITLES="$STATE/demo.en.srt"

"$ROOT/scripts/setup.sh" ffmpeg
mkdir -p "$STATE"
echo "generating a ${SECONDS_OF_VIDEO} s 1280x720 demo clip with audio..."
ffmpeg -hide_banner -nostdin -y -loglevel error \
  -f lavfi -i "testsrc2=size=1280x720:rate=25:duration=$SECONDS_OF_VIDEO" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$SECONDS_OF_VIDEO" \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -force_key_frames 'expr:gte(t,n_forced*2)' \
  -c:a aac -shortest -movflags +faststart "$CLIP"

# One cue every 4 s, 2.5 s long, all inside the clip: the first title a new user plays has subtitles to turn on.
python3 - "$SECONDS_OF_VIDEO" >"$SUBTITLES" <<'PY'
import sys
def t(s): return f"{int(s // 3600):02}:{int(s // 60 % 60):02}:{int(s % 60):02},{round(s % 1 * 1000):03}"
for i in range(int(float(sys.argv[1]) // 4)):
    start = i * 4 + 0.5
    print(f"{i + 1}\n{t(start)} --> {t(start + 2.5)}\nDemo subtitle {i + 1}: {start:g} s to {start + 2.5:g} s\n")
PY

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
email="demo@example.com" password="demo password 123"
curl -s -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Demo\"}" "$API/api/users" || true
AUTH_FILE="$STATE/demo-authorization-header"
(umask 077; curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$API/api/sessions" \
  | json "['token']" | sed 's/^/Authorization: Bearer /' >"$AUTH_FILE")
auth=(-H @"$AUTH_FILE")
title="$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$(date +%s)" \
  -d '{"name":"Demo clip","description":"Generated test picture, transcoded by the local cluster"}' "$API/api/titles" | json "['titleId']")"
echo "uploading English subtitles and $(du -h "$CLIP" | cut -f1) of video to title $title..."
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: application/x-subrip' --data-binary "@$SUBTITLES" -X PUT "$API/api/titles/$title/subtitles/en"
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: video/mp4' --data-binary "@$CLIP" -X PUT "$API/api/titles/$title/source"
uploaded="$(date +%s.%N)"

# Polled every 0.25 s until the title is playable (its first segments are served while it transcodes), then every second.
deadline=$((SECONDS + ${DEMO_WAIT_SECONDS:-600})) last="" playable=""
while ((SECONDS < deadline)); do
  answer="$(curl -fsS "${auth[@]}" "$API/api/titles/$title")"
  line="$(python3 "$ROOT/scripts/lib/title_status_line.py" <<<"$answer")"
  [[ "$line" != "$last" ]] && echo "  $line" && last="$line"
  if [[ -z "$playable" ]]; then
    playable="$(python3 "$ROOT/scripts/lib/title_playable_line.py" "$uploaded" <<<"$answer")"
    [[ -n "$playable" ]] && echo "  $playable"
  fi
  case "$line" in Published*|Failed*) break ;; esac
  if [[ -n "$playable" ]]; then sleep 1; else sleep 0.25; fi
done
[[ "$last" == Published* ]] && echo "published after $(python3 -c "import sys,time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$uploaded") s (upload to published)"
echo
echo "player page:   $API/player/?title=$title   (subtitles: pick English, or press C)"
echo "title page:    $API/app/#/title/$title   (sign up at $API/app/#/signup)"
echo "who may watch: the demo account ($email, its owner) plays it; any other viewer signs up and subscribes"
echo "               (Account > Plan) or buys the title on its page"
echo "master list:   curl -s -H @$AUTH_FILE $API/media/titles/$title/master.m3u8 (once published; needs the owner's token)"
echo "title as JSON: curl -s -H @$AUTH_FILE $API/api/titles/$title"
