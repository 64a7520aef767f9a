"""Prints GET /cluster/members (read from stdin) as a table."""
import json
import sys

view = json.load(sys.stdin)
rows = [("ADDRESS", "STATUS", "REACHABILITY", "ROLES", "VERSION")]
for m in view["members"]:
    rows.append((m["node"], m["status"], m["reachability"], ",".join(m["roles"]) or "-", m["appVersion"]))
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for r in rows:
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
up = sum(1 for m in view["members"] if m["status"] == "Up")
print(f"{len(view['members'])} member(s), {up} Up; leader {view.get('leader') or '-'}")
