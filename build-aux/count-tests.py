#!/usr/bin/env python3
"""Counts test cases in meson test logs: each TAP subtest is one case, a non-TAP test is one.
Usage: count-tests.py TESTLOG.json [TESTLOG.json …]; prints 'N passed, N failed, N skipped'."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        test = json.loads(line)
        tap = [l for l in (test.get("stdout") or "").splitlines() if re.match(r"(not )?ok \d+", l)]
        if tap:
            for l in tap:
                if "# SKIP" in l:
                    skipped += 1
                elif l.startswith("ok"):
                    passed += 1
                else:
                    failed += 1
            # a crash after the last subtest still fails the test
            if test["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(l.startswith("not ok") for l in tap):
                failed += 1
        elif test["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif test["result"] == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
