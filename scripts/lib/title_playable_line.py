"""Prints when a title became playable (JSON of GET /api/titles/{id} on stdin; argv[1]: the upload's end, epoch seconds):
"playable after 4.1 s (still transcoding: 12 %)", or nothing while it is not playable yet."""
import json
import sys
import time

title = json.load(sys.stdin)
if title.get("playable"):
    after = time.time() - float(sys.argv[1])
    percent = (title.get("progress") or {}).get("percent") or 0
    state = "published" if title["status"] == "Published" else "still {}: {:g} %".format(
        "transcoding" if title["status"] == "Transcoding" else title["status"], round(percent))
    print("playable after {:.1f} s ({})".format(after, state))
