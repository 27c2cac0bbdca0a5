// Twin of TrustGraph.Analyses.MissingRelevantPartners: statutory relevant partners (Children Act 2004 s10(4)) with no
// filled seat on the Children's Trust Board, judged by the law in force on the arrangement's date.
// Parameters: $authority, $arrangement (null for all). One row per finding; TrustGraph words the message from `facts`.
// The partner list is data: the :RelevantPartner nodes pushed from data/guidance/relevant-partners.csv.
// The board is chosen as TrustBoard.Choose chooses it: each trust-board whose membership is listed, else the first
// listed holder of the Children and Young People's Plan, else the trust-boards, else the plan holder; the facts name the
// other candidates. Its membership is its own seats and those of the bodies it is divided into (PART_OF). A vacant seat is
// reported as vacant, never absent; an arrangement with no in-force date is judged by today's law.
MATCH (a:Authority)
WHERE $authority IS NULL OR a.id = $authority
OPTIONAL MATCH (a)-[:HAS_ARRANGEMENT]->(arr:Arrangement)
WITH a, arr
WHERE $arrangement IS NULL OR arr.id = $arrangement
WITH a, arr, COLLECT {
  MATCH (a)-[:HAS_BODY]->(b:Body)
  WHERE b.arrangement IS NULL OR arr IS NULL OR b.arrangement = arr.id
  RETURN b ORDER BY b.ord
} AS bodies
WHERE none(b IN bodies WHERE b.kind = 'trust-board')
  AND none(b IN bodies WHERE EXISTS {
        MATCH (b)-[:HAS_DUTY]->(d:Duty)
        WHERE toLower(d.text) CONTAINS "children and young people's plan"
           OR toLower(d.text) CONTAINS 'children and young people’s plan'
           OR d.text CONTAINS 'CYPP'
           OR toLower(d.text) CONTAINS 'cyp plan' })
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'no-board' AS finding, 'info' AS severity,
       [a.id, a.name] AS subjects,
       [] AS body_ids,
       [b IN bodies | b.source][0..1] AS sources,
       [-1] AS sort,
       {authority_name: a.name} AS facts

UNION ALL

MATCH (a:Authority)
WHERE $authority IS NULL OR a.id = $authority
OPTIONAL MATCH (a)-[:HAS_ARRANGEMENT]->(arr:Arrangement)
WITH a, arr
WHERE $arrangement IS NULL OR arr.id = $arrangement
WITH a, arr, COLLECT {
  MATCH (a)-[:HAS_BODY]->(b:Body)
  WHERE b.arrangement IS NULL OR arr IS NULL OR b.arrangement = arr.id
  RETURN b ORDER BY b.ord
} AS bodies,
COLLECT { MATCH (rp:RelevantPartner) RETURN rp ORDER BY rp.ord } AS partners,
CASE WHEN arr IS NULL OR arr.in_force_earliest IS NULL THEN date() ELSE date(arr.in_force_earliest) END AS day
// the candidates: every trust-board, then every body holding the Children and Young People's Plan (an ownership verb
// before the plan, as BoardOwnsPlan.HoldsPlan reads it); with neither, the first body whose duties mention the plan
WITH a, arr, bodies, partners, day,
     [b IN bodies WHERE b.kind = 'trust-board' | {body: b, reason: 'kind', listed: EXISTS { MATCH ()-[:HOLDS_SEAT]->(b) } OR any(p IN bodies WHERE p.part_of = b.id)}] AS recorded,
     [b IN bodies WHERE b.kind <> 'trust-board' AND EXISTS {
        MATCH (b)-[:HAS_DUTY]->(d:Duty)
        WHERE d.text =~ '(?is)^(?:(?!children and young people[\'’]s plan|cyp plan|cypp).)*?(?<![\\p{L}-])(?:prepar|produc|develop|publish|review|revis|own|hold|held|responsib)[\\p{L}-]*(?:[^\\p{L}-]+(?:and|or|the|a|its|their|deliver|implement|manage|performance-manage|agree|approve|maintain|keep|update))*[^\\p{L}-]+(?:children and young people[\'’]s plan|cyp plan|cypp).*' } | {body: b, reason: 'plan', listed: EXISTS { MATCH ()-[:HOLDS_SEAT]->(b) } OR any(p IN bodies WHERE p.part_of = b.id)}] AS holders
WITH a, arr, bodies, partners, day, recorded,
     CASE WHEN size(holders) = 0 AND size(recorded) = 0 THEN [b IN bodies WHERE EXISTS {
        MATCH (b)-[:HAS_DUTY]->(d:Duty)
        WHERE toLower(d.text) CONTAINS "children and young people's plan"
           OR toLower(d.text) CONTAINS 'children and young people’s plan'
           OR d.text CONTAINS 'CYPP'
           OR toLower(d.text) CONTAINS 'cyp plan' } | {body: b, reason: 'plan', listed: EXISTS { MATCH ()-[:HOLDS_SEAT]->(b) } OR any(p IN bodies WHERE p.part_of = b.id)}][0..1]
     ELSE holders END AS holders
// the board judged: each recorded board whose membership is listed, else the first listed plan holder, else the recorded
// boards (cannot be assessed), else the plan holder; the others are named so a reader can judge them with --board
WITH a, arr, bodies, partners, day, recorded + holders AS candidates,
     CASE
       WHEN any(c IN recorded WHERE c.listed) THEN [c IN recorded WHERE c.listed]
       WHEN any(c IN holders WHERE c.listed) THEN [c IN holders WHERE c.listed][0..1]
       WHEN size(recorded) > 0 THEN recorded
       ELSE holders[0..1]
     END AS chosen
WITH a, arr, bodies, partners, day, chosen, [c IN candidates WHERE NOT c IN chosen] AS others
WITH a, arr, bodies, partners, day, chosen,
     CASE WHEN size(others) = 0 AND all(c IN chosen WHERE c.reason = 'kind') THEN 'none'
          WHEN size(others) = 0 AND size(chosen) = 1 THEN 'plan-owner'
          ELSE 'text' END AS choice_kind,
     [c IN chosen | {name: c.body.name, reason: c.reason, listed: c.listed}] AS judged_boards,
     [c IN others | {name: c.body.name, reason: c.reason, listed: c.listed}] AS other_candidates
UNWIND [c IN chosen | c.body] AS board
// its membership: its own seats, then those of the bodies it is divided into
WITH a, arr, partners, day, choice_kind, judged_boards, other_candidates, board, [b IN bodies WHERE b.part_of = board.id] AS parts
WITH a, arr, partners, day, choice_kind, judged_boards, other_candidates, board, parts,
     COLLECT {
       UNWIND range(0, size(parts)) AS k
       WITH CASE WHEN k = 0 THEN board ELSE parts[k - 1] END AS member_body, k
       MATCH ()-[s:HOLDS_SEAT]->(member_body)
       RETURN s ORDER BY k, s.ord
     } AS seats,
     COLLECT { MATCH ()-[s:HOLDS_SEAT]->(board) RETURN s ORDER BY s.ord } AS own_seats,
     board.membership_partial OR any(p IN parts WHERE p.membership_partial) AS partial
WITH a, arr, partners, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, size(seats) > 0 AS known
// each relevant partner's coverage
UNWIND CASE WHEN size(partners) = 0 THEN [null] ELSE range(0, size(partners) - 1) END AS pi
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known, pi, partners[pi] AS rp
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known, pi, rp,
     [s IN seats WHERE s.partner_category = rp.category] AS on_board,
     coalesce(rp.tiers, []) AS tiers
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known, pi, rp, on_board, tiers,
     [s IN on_board WHERE s.status = 'filled'] AS filled
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known, pi, rp, on_board, tiers, filled,
     CASE
       WHEN NOT known THEN 'cannot-assess'
       WHEN NOT (date(rp.in_force) <= day AND (rp.repealed IS NULL OR day < date(rp.repealed))) THEN
         CASE WHEN date(rp.in_force) > day
              THEN CASE WHEN size(filled) > 0 THEN 'present' ELSE 'not-yet-in-force' END
              ELSE 'no-longer-in-force' END
       WHEN size(tiers) > 0 AND a.tier IS NOT NULL AND NOT a.tier IN tiers THEN 'not-applicable'
       WHEN size(filled) > 0 THEN 'present'
       WHEN size(tiers) > 0 AND a.tier IS NULL THEN 'cannot-assess'
       WHEN size(on_board) > 0 THEN 'vacant'
       WHEN rp.only_where_exists THEN 'cannot-assess'
       ELSE 'absent'
     END AS judged
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known, pi, rp, tiers,
     CASE WHEN size(filled) > 0 THEN filled ELSE on_board END AS shown,
     // a partial membership list cannot show a partner absent
     CASE WHEN partial AND judged IN ['absent', 'not-yet-in-force'] THEN 'cannot-assess' ELSE judged END AS status
ORDER BY pi
WITH a, arr, day, choice_kind, judged_boards, other_candidates, board, parts, seats, own_seats, partial, known,
     collect(CASE WHEN rp IS NULL THEN null ELSE {partner: rp, pi: pi, tiers: tiers, status: status, shown: shown} END) AS coverage
// the inferred rows each finding rests on: the board and its parts, then the seats it was judged on
WITH a, arr, board, seats, own_seats, partial, known, coverage,
     [x IN [board] + parts WHERE x.basis = 'inferred' | {what: 'body', label: x.name, note: x.note, file: a.id + '/bodies.csv'}] AS body_inferred,
     {choice_kind: choice_kind, judged: judged_boards, other_candidates: other_candidates, board_name: board.name, part_names: [p IN parts | p.name],
      law_day: toString(day), law_stated: arr.in_force, authority_name: a.name} AS context,
     CASE WHEN day >= date('2010-04-01') THEN 'error' ELSE 'warning' END AS absent_severity
WITH a, arr, board, seats, context, body_inferred,
     CASE
       WHEN NOT known THEN [{
         finding: 'no-membership', severity: 'info', subjects: [], sources: [], sort: [board.ord, -1], facts: context {.*, inferred: body_inferred}}]
       WHEN partial THEN [{
         finding: 'partial-membership', severity: 'info',
         subjects: [c IN coverage WHERE c.status = 'cannot-assess' | c.partner.category],
         sources: [s IN own_seats | s.source], sort: [board.ord, -1],
         facts: context {.*, seat_count: size(own_seats), inferred: body_inferred + [x IN seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}],
                         present: [c IN coverage WHERE c.status = 'present' | c.partner.name],
                         unknown: [c IN coverage WHERE c.status = 'cannot-assess' | c.partner.category]}}]
         + [c IN coverage WHERE c.status = 'vacant' | {
             finding: 'partial-vacant', severity: 'warning', subjects: [c.partner.category, c.partner.name],
             sources: [s IN c.shown | s.source], sort: [board.ord, c.pi],
             facts: context {.*, partner: properties(c.partner), inferred: body_inferred + [x IN c.shown WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}]}}]
       ELSE [c IN coverage WHERE c.status IN ['not-yet-in-force', 'cannot-assess', 'vacant', 'absent'] | {
         finding: CASE c.status
                    WHEN 'cannot-assess' THEN CASE WHEN size(c.tiers) > 0 AND a.tier IS NULL THEN 'tier-unknown' ELSE 'only-where-exists' END
                    ELSE c.status END,
         severity: CASE c.status WHEN 'vacant' THEN 'warning' WHEN 'absent' THEN absent_severity ELSE 'info' END,
         subjects: [c.partner.category, c.partner.name],
         sources: CASE WHEN c.status IN ['not-yet-in-force', 'vacant'] THEN [s IN c.shown | s.source] ELSE [] END,
         sort: [board.ord, c.pi],
         facts: context {.*, partner: properties(c.partner),
                         seat_labels: [s IN c.shown | coalesce(s.post, c.partner.category)],
                         has_seat: size(c.shown) > 0,
                         inferred: body_inferred + CASE c.status
                           WHEN 'absent' THEN [x IN seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}]
                           WHEN 'cannot-assess' THEN []
                           WHEN 'not-yet-in-force' THEN CASE WHEN size(c.shown) = 0 THEN [x IN seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}] ELSE [x IN c.shown WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}] END
                           ELSE [x IN c.shown WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}] END}}]
     END AS findings
UNWIND findings AS f
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       f.finding AS finding, f.severity AS severity,
       [board.id, board.name] + f.subjects AS subjects,
       [board.id] AS body_ids,
       reduce(seen = [], s IN [board.source] + f.sources | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS sources,
       f.sort AS sort, f.facts AS facts
