#!/usr/bin/env python3
"""The yardstick: TrustGraph's four checks written the way an analyst would, with the csv module and networkx.

    python3 analyse.py DATASET_DIR [--partners relevant-partners.csv] > findings.json

Reads the same dataset folder (authorities.csv, sources.csv, <authority>/*.csv) and prints the same findings
document, {"findings": [...]}, for: duplicated membership, missing relevant partners (Children Act 2004 s10(4) at the
arrangement's date and the authority's tier), accountability cycles, and bodies with no reporting path to the LSP.
Needs networkx (Debian: apt-get install python3-networkx).
"""
import argparse
import csv
import datetime
import json
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PARTNERS = os.path.join(HERE, "..", "..", "data", "guidance", "relevant-partners.csv")
BOARD_STATUTORY = datetime.date(2010, 4, 1)
HONORIFICS = {"cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev", "revd", "sir", "dame"}
MEMBERSHIP_ROLES = {"chair", "vice-chair", "member", "advisor"}
CHAIR_ROLES = {"chair", "vice-chair"}
CHAIN_KINDS = {"accountable-to", "reports-to"}


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def earliest(text):
    """'2009', '2009-03' or '2009-03-10' -> the first day it can mean."""
    parts = [int(p) for p in text.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def person_key(name):
    words = [w.strip(".,") for w in name.lower().split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def names(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def unique(items):
    return list(dict.fromkeys(items))


def finding(authority, arrangement, check, severity, subjects, message, sources, bodies, remedy=None):
    f = {"authority": authority, "arrangement": arrangement, "check": check, "severity": severity,
         "subjects": subjects, "message": message, "sources": unique(sources), "bodies": bodies}
    if remedy:
        f["remedy"] = remedy
    return f


def load_partners(path):
    partners = []
    for row in read(path):
        partners.append({
            "letter": row["letter"], "name": row["partner"], "category": row["partner_category"],
            "in_force": earliest(row["in_force"]),
            "repealed": earliest(row["repealed"]) if row.get("repealed") else None,
            "tiers": {t.strip() for t in row.get("tiers", "").split(";") if t.strip()},
            "only_where_exists": row.get("only_where_exists") == "yes", "citation": row["citation"],
        })
    return partners


# ---- the four checks --------------------------------------------------------------------------------------------

def duplicated_membership(ctx, seats, lines, body):
    out = []
    people = {}
    for s in seats:
        if s["person"]:
            people.setdefault(person_key(s["person"]), []).append(s)
    for person_seats in people.values():
        name = person_seats[0]["person"]
        by_body = {}
        for s in person_seats:
            by_body.setdefault(s["body"], []).append(s)
        for b, twice in by_body.items():
            if len(twice) > 1:
                out.append(finding(*ctx, "duplicated-membership", "warning", [name, b, body[b]["name"]],
                                   f"{name} is listed {len(twice)} times on {body[b]['name']}. One person holds one seat.",
                                   [s["source"] for s in twice], [b], f"Check the membership list of {body[b]['name']}."))
        out += across_bodies(ctx, name, [name], person_seats, by_body, lines, body)
    # An office: the same post of the same agency, named by post only, on several bodies has one holder.
    offices = {}
    for s in seats:
        if not s["person"] and s["post"] and s["agency"] and s["status"] != "vacant":
            offices.setdefault((person_key(s["post"]), person_key(s["agency"])), []).append(s)
    for office_seats in offices.values():
        by_body = {}
        for s in office_seats:
            by_body.setdefault(s["body"], []).append(s)
        first = office_seats[0]
        out += across_bodies(ctx, f"{first['post']} ({first['agency']})", [first["post"], first["agency"]], office_seats, by_body, lines, body)
    posts = {}
    for s in seats:
        if not s["person"] and s["post"] and s["agency"]:
            posts.setdefault((s["body"], s["post"].lower(), s["agency"].lower(), s["role"]), []).append(s)
    for (b, _, _, _), same in posts.items():
        if len(same) > 1:
            out.append(finding(*ctx, "duplicated-membership", "info", [same[0]["post"], b, body[b]["name"]],
                               f"The post '{same[0]['post']}' is listed {len(same)} times on {body[b]['name']} with no names.",
                               [s["source"] for s in same], [b]))
    return out


def across_bodies(ctx, name, subjects, person_seats, by_body, lines, body):
    """One finding for a person (or office) on two or more bodies: info when links explain all but one seat, else a warning."""
    if len(by_body) < 2:
        return []
    chaired = {s["body"] for s in person_seats if s["role"] in CHAIR_ROLES}
    reasons, unexplained = [], []
    for b, on_body in by_body.items():
        if all(s["role"] not in MEMBERSHIP_ROLES for s in on_body):
            reasons.append(f"On {body[b]['name']} the seat is not membership.")
            continue
        via = next((c for c in chaired if c != b and lines.has_edge(c, b)), None)
        if via is not None:
            reasons.append(f"The seat on {body[b]['name']} is held as chair of {body[via]['name']}.")
            continue
        advisory = next((c for c in chaired if c != b and body[c]["kind"] == "advisory"), None)
        if advisory is not None and any(s["role"] == "advisor" for s in on_body):
            reasons.append(f"The advisor seat on {body[b]['name']} is held as chair of {body[advisory]['name']}.")
            continue
        unexplained.append(b)
    deliberate = len(unexplained) <= 1
    listing = names(f"{body[b]['name']} ({', '.join(unique(s['role'] for s in ss))})" for b, ss in by_body.items())
    message = f"{name} sits on {len(by_body)} bodies: {listing}. " + " ".join(reasons)
    message += (" This is a deliberate link between the bodies, not a duplicate." if deliberate else
                f" {len(unexplained)} of these seats are not explained by a link between the bodies.")
    return [finding(*ctx, "duplicated-membership", "info" if deliberate else "warning", [*subjects, *by_body],
                    message, [s["source"] for s in person_seats], list(by_body),
                    None if deliberate else f"Review whether {name} needs a seat on each of {names(body[b]['name'] for b in unexplained)}.")]


def missing_relevant_partners(ctx, bodies, seats, duties, arrangement, tier, partners, title):
    boards = [b for b in bodies if b["kind"] == "trust-board"]
    if not boards:
        owner = next((b for b in bodies for d in duties if d["body"] == b["id"] and
                      ("children and young people's plan" in d["duty"].lower() or "CYPP" in d["duty"])), None)
        if owner is None:
            return [finding(*ctx, "missing-relevant-partner", "info", [ctx[0]],
                            f"Cannot assess relevant partners for {title}: no Children's Trust Board.",
                            [b["source"] for b in bodies[:1]], [])]
        boards = [owner]
    in_force = arrangement.get("in_force") if arrangement else ""
    day = earliest(in_force) if in_force else datetime.date.today()
    severity_missing = "error" if day >= BOARD_STATUTORY else "warning"
    out = []
    for board in boards:
        parts = {b["id"] for b in bodies if b.get("part_of") == board["id"]}
        on_board = [s for s in seats if s["body"] == board["id"] or s["body"] in parts]
        def make(severity, partner, message, sources=()):
            return finding(*ctx, "missing-relevant-partner", severity, [board["id"], board["name"], partner["category"], partner["name"]],
                           message, [board["source"], *sources], [board["id"]])
        if not on_board:
            out.append(finding(*ctx, "missing-relevant-partner", "info", [board["id"], board["name"]],
                               f"Cannot assess relevant partners on {board['name']}: the sources do not give its membership.",
                               [board["source"]], [board["id"]]))
            continue
        partial = board.get("membership_listed") == "partial" or any(b.get("membership_listed") == "partial" for b in bodies if b["id"] in parts)
        statuses = []
        for p in partners:
            held = [s for s in on_board if s["partner_category"] == p["category"]]
            filled = [s for s in held if s["status"] != "vacant"]
            if not (p["in_force"] <= day and (p["repealed"] is None or day < p["repealed"])):
                status = ("present" if filled else "not-yet") if p["in_force"] > day else "repealed"
            elif p["tiers"] and tier is not None and tier not in p["tiers"]:
                status = "not-applicable"
            elif filled:
                status = "present"
            elif p["tiers"] and tier is None:
                status = "no-tier"
            elif held:
                status = "vacant"
            elif p["only_where_exists"]:
                status = "only-where-exists"
            else:
                status = "absent"
            if partial and status in ("absent", "not-yet"):
                status = "not-shown"
            statuses.append((p, status, held))
        if partial:
            unknown = [p["category"] for p, st, _ in statuses if st in ("not-shown", "no-tier", "only-where-exists")]
            present = [p["name"] for p, st, _ in statuses if st == "present"]
            out.append(finding(*ctx, "missing-relevant-partner", "info", [board["id"], board["name"], *unknown],
                               f"Cannot assess most relevant partners on {board['name']}: the sources list only part of its membership. "
                               f"Present: {names(present)}. Not shown, so not judged: {', '.join(unknown)}.",
                               [board["source"]] + [s["source"] for s in on_board], [board["id"]]))
            for p, st, held in statuses:
                if st == "vacant":
                    out.append(make("warning", p, f"The seat for {p['name']} on {board['name']} is vacant.", [s["source"] for s in held]))
            continue
        for p, st, held in statuses:
            if st == "not-yet":
                out.append(make("info", p, f"{p['name']} becomes a relevant partner on {p['in_force'].day} {p['in_force']:%B %Y}; "
                                           f"{board['name']} has no seat for it yet."))
            elif st == "no-tier":
                out.append(make("info", p, f"Cannot assess whether {p['name']} must sit on {board['name']}: the tier is not recorded."))
            elif st == "vacant":
                out.append(make("warning", p, f"The seat for {p['name']} on {board['name']} is vacant.", [s["source"] for s in held]))
            elif st == "only-where-exists":
                out.append(make("info", p, f"Cannot assess {p['name']}: relevant only where there are any in the area."))
            elif st == "absent":
                out.append(make(severity_missing, p, f"{board['name']} has no seat for {p['name']}, a relevant partner under {p['citation']}. "
                                                     f"Judged against the law in force on {day.isoformat()}."))
    return out


def accountability_cycles(ctx, bodies, chain, body):
    out = []
    order = {b["id"]: i for i, b in enumerate(bodies)}
    for u, v, data in chain.edges(data=True):
        if u == v:
            out.append(finding(*ctx, "accountability-cycle", "error", [u, body[u]["name"]],
                               f"{body[u]['name']} is recorded as answering to itself.", [data["source"]], [u]))
    components = [sorted(c, key=order.get) for c in nx.strongly_connected_components(chain) if len(c) > 1]
    for component in sorted(components, key=lambda c: order[c[0]]):
        start = component[0]
        paths = nx.single_source_shortest_path(chain.subgraph(component), start)
        back = min((paths[p] for p in chain.predecessors(start) if p in paths and p != start), key=len)
        cycle = back + [start]
        sources = [chain.edges[a, b]["source"] for a, b in zip(cycle, cycle[1:])]
        out.append(finding(*ctx, "accountability-cycle", "error", component + [body[c]["name"] for c in component],
                           f"Accountability cycle: {' → '.join(body[c]['name'] for c in cycle)}.", sources, component))
    return out


def lsp_reporting_gaps(ctx, bodies, chain, lines, body, title):
    lsps = [b["id"] for b in bodies if b["kind"] == "lsp"]
    if not lsps:
        return [] if not bodies else [finding(*ctx, "lsp-reporting-gap", "error", [ctx[0]],
                                              f"{title} has no Local Strategic Partnership recorded.",
                                              [b["source"] for b in bodies], [b["id"] for b in bodies])]
    reaching = set(lsps)
    for lsp in lsps:
        reaching |= nx.ancestors(chain, lsp)
    added = True
    while added:
        added = False
        for b in bodies:
            if b.get("part_of") in reaching and b["id"] not in reaching:
                reaching.add(b["id"])
                added = True
    lsp_names = names(body[l]["name"] for l in lsps)
    out = []
    for b in bodies:
        if b["kind"] in ("lsp", "agency-governance") or b["id"] in reaching:
            continue
        up = [t for t in chain.successors(b["id"]) if t != b["id"]]
        why = (f"it answers to {names(body[t]['name'] for t in up)}, which never reach the LSP" if up else
               "no line of accountability from it is recorded")
        out.append(finding(*ctx, "lsp-reporting-gap", "warning", [b["id"], b["name"]],
                           f"{b['name']} has no reporting path to {lsp_names}: {why}.",
                           [b["source"]] + [d["source"] for _, _, d in lines.out_edges(b["id"], data=True)], [b["id"]]))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--partners", default=DEFAULT_PARTNERS)
    args = parser.parse_args()

    partners = load_partners(args.partners)
    findings = []
    for authority in read(os.path.join(args.data, "authorities.csv")):
        folder = os.path.join(args.data, authority["id"])
        arrangements = read(os.path.join(folder, "arrangements.csv"))
        all_bodies = read(os.path.join(folder, "bodies.csv"))
        all_seats = read(os.path.join(folder, "memberships.csv"))
        all_lines = read(os.path.join(folder, "accountability.csv"))
        all_duties = read(os.path.join(folder, "duties.csv"))
        for seat in all_seats:
            seat["role"] = seat["role"] or "member"
        for arrangement in arrangements or [None]:
            arr_id = arrangement["id"] if arrangement else None
            bodies = [b for b in all_bodies if not b["arrangement"] or arr_id is None or b["arrangement"] == arr_id]
            body = {b["id"]: b for b in bodies}
            seats = [s for s in all_seats if s["body"] in body]
            duties = [d for d in all_duties if d["body"] in body]
            lines = nx.MultiDiGraph()
            chain = nx.DiGraph()
            lines.add_nodes_from(body)
            chain.add_nodes_from(body)
            for line in all_lines:
                if line["from"] in body and line["to"] in body:
                    lines.add_edge(line["from"], line["to"], kind=line["kind"], source=line["source"])
                    if line["kind"] in CHAIN_KINDS and not chain.has_edge(line["from"], line["to"]):
                        chain.add_edge(line["from"], line["to"], source=line["source"])
            title = authority["name"] + (f" ({arr_id})" if arr_id else "")
            ctx = (authority["id"], arr_id)
            findings += duplicated_membership(ctx, seats, lines, body)
            findings += missing_relevant_partners(ctx, bodies, seats, duties, arrangement, authority.get("tier") or None, partners, title)
            findings += accountability_cycles(ctx, bodies, chain, body)
            findings += lsp_reporting_gaps(ctx, bodies, chain, lines, body, title)
    json.dump({"findings": findings}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
