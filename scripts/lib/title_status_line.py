"""Prints one line about a title (JSON of GET /api/titles/{id} on stdin): status, encodes done, ETA, failure."""
import json
import sys

title = json.load(sys.stdin)
progress = title.get("progress") or {}
text = title["status"]
if progress:
    text += " {}/{} encodes ({}%)".format(progress.get("chunksDone"), progress.get("chunksTotal"), progress.get("percent"))
    eta = progress.get("estimatedRemaining")
    if eta and title["status"] == "Transcoding":
        text += ", about {} left".format(eta.split(".")[0])
if title.get("failure"):
    text += ": " + title["failure"]["reason"]
print(text)
