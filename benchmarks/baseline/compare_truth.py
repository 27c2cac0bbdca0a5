#!/usr/bin/env python3
"""Compares a findings document with a generated dataset's truth.csv, on the key TrustGraph's tests use
(authority, arrangement, check, severity, subject, bodies; see docs/scale.md), and prints recall and precision.

    python3 compare_truth.py findings.json DATASET_DIR/truth.csv

Exits 1 unless every expected finding is found and nothing else is.
"""
import csv
import json
import sys


def key(f):
    bodies = sorted(f.get("bodies", []))
    check = f["check"]
    if check == "missing-relevant-partner" and len(f["subjects"]) > 2:
        subject = f["subjects"][2]
    elif check == "accountability-cycle":
        subject = " ".join(bodies)
    else:
        subject = f["subjects"][0] if f["subjects"] else ""
    return (f["authority"], f["arrangement"] or "", check, f["severity"], subject, ";".join(bodies))


def main(findings_path, truth_path):
    with open(findings_path, encoding="utf-8") as fh:
        found = {key(f) for f in json.load(fh)["findings"]}
    with open(truth_path, newline="", encoding="utf-8") as fh:
        expected = {(r["authority"], r["arrangement"], r["check"], r["severity"], r["subject"], r["bodies"]) for r in csv.DictReader(fh)}

    def score(which):
        e = {k for k in expected if which(k[3])}
        f = {k for k in found if which(k[3])}
        hit = len(e & f)
        return hit / len(e) if e else 1.0, hit / len(f) if f else 1.0, len(e), len(f)

    recall, precision, n_expected, n_found = score(lambda s: s != "info")
    info_recall, info_precision, _, _ = score(lambda s: s == "info")
    print(f"defects (warnings and errors): expected {n_expected}, found {n_found}, recall {recall:.3f}, precision {precision:.3f}; "
          f"info: recall {info_recall:.3f}, precision {info_precision:.3f}")
    for k in sorted(expected - found)[:5]:
        print("  missed:", k)
    for k in sorted(found - expected)[:5]:
        print("  not expected:", k)
    return 0 if expected == found else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
