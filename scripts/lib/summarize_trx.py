"""Adds up the .trx files `dotnet test` wrote: names every failed test with the first lines of its message, then
prints one closing line: 'N passed, N failed, N skipped'."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
failures = []
files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
for path in files:
    root = ET.parse(path).getroot()
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = result.find(f"{NS}Output/{NS}ErrorInfo/{NS}Message")
        text = (message.text or "").strip() if message is not None else ""
        failures.append((result.get("testName"), result.get("duration"), "\n      ".join(text.splitlines()[:6])))

for name, duration, text in failures:
    print(f"FAILED {name} ({duration})\n      {text}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if not files or passed == 0:
    print("no test results found", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if failed else 0)
