// Twin of TrustGraph.Analyses.DuplicatedMembership: one person (or one office) on many bodies, or listed twice on one.
// Parameters: $authority, $arrangement (null for all). One row per finding; TrustGraph words the message from `facts`.
// A holder is a :Person (every seat they hold in the arrangement) or an office: a :Post of a named agency, or a singular
// office of the authority (the post's `office`, however written and with or without an agency), by its filled seats that
// name no person. A seat is explained by a deliberate link when the holder chairs another body with
// a line to this one, when an advisor seat is held by the chair of an advisory body, or when the seat is not
// membership (in attendance, observer, secretariat). At most one unexplained seat is a deliberate link (info).
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
UNWIND bodies AS body
MATCH (holder)-[seat:HOLDS_SEAT]->(body)
WHERE holder:Person OR (holder:Post AND seat.person IS NULL AND (seat.agency IS NOT NULL OR holder.office IS NOT NULL) AND seat.status = 'filled')
WITH a, arr, holder, seat ORDER BY seat.ord
WITH a, arr, holder, collect(seat) AS seats
WITH a, arr, holder, seats, holder:Post AS office, holder.office AS office_name,
     head([s IN seats WHERE s.agency IS NOT NULL | s.agency]) AS office_agency,
     reduce(bs = [], s IN seats | CASE WHEN endNode(s) IN bs THEN bs ELSE bs + endNode(s) END) AS seat_bodies,
     reduce(cs = [], s IN seats | CASE WHEN s.role IN ['chair', 'vice-chair'] AND NOT endNode(s) IN cs THEN cs + endNode(s) ELSE cs END) AS chaired
UNWIND range(0, size(seat_bodies) - 1) AS i
WITH a, arr, holder, seats, office, office_name, office_agency, seat_bodies, chaired, i, seat_bodies[i] AS b
WITH a, arr, holder, seats, office, office_name, office_agency, seat_bodies, chaired, i, b, [s IN seats WHERE endNode(s) = b] AS on_b
WITH a, arr, holder, seats, office, office_name, office_agency, seat_bodies, i, b, on_b,
     reduce(rs = [], s IN on_b | CASE WHEN s.role IN rs THEN rs ELSE rs + s.role END) AS roles,
     COLLECT {
       UNWIND range(0, size(chaired) - 1) AS k
       WITH chaired[k] AS other, k
       WHERE other <> b
       MATCH (other)-[line:ACCOUNTABLE_TO|REPORTS_TO|ADVISES|OBSERVES]->(b)
       RETURN {chaired_name: other.name, kind: line.kind} AS link ORDER BY k, line.ord LIMIT 1
     } AS chair_links,
     CASE WHEN any(s IN on_b WHERE s.role = 'advisor')
          THEN [other IN chaired WHERE other <> b AND other.kind = 'advisory'][0] END AS advisory
WITH a, arr, holder, seats, office, office_name, office_agency, seat_bodies, i, b, on_b, roles,
     CASE
       WHEN none(s IN on_b WHERE s.role IN ['chair', 'vice-chair', 'member', 'advisor'])
         THEN {kind: 'not-membership', body_name: b.name, roles: roles}
       WHEN size(chair_links) > 0
         THEN {kind: 'chair-link', body_name: b.name, chaired_name: chair_links[0].chaired_name, line_kind: chair_links[0].kind}
       WHEN advisory IS NOT NULL
         THEN {kind: 'advisor', body_name: b.name, advisory_name: advisory.name}
     END AS reason
ORDER BY i
WITH a, arr, holder, seats, office, office_name, office_agency, seat_bodies,
     collect({body_id: b.id, body_name: b.name, roles: roles, reason: reason, seats: on_b}) AS per_body
WITH a, arr, seats, office, office_agency, seat_bodies, per_body,
     CASE WHEN office THEN coalesce(office_name, seats[0].post) ELSE seats[0].person END AS name,
     [p IN per_body WHERE p.reason IS NULL | p.body_name] AS unexplained
WITH a, arr, seats, office, office_agency, seat_bodies, per_body, name, unexplained,
     // a person listed more than once on one body
     [p IN per_body WHERE NOT office AND size(p.seats) > 1 | {
        finding: 'listed-twice', severity: 'warning',
        subjects: [name, p.body_id, p.body_name], body_ids: [p.body_id],
        sources: reduce(seen = [], s IN [x IN p.seats | x.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END),
        sort: [0, seats[0].ord, 0, p.seats[0].ord],
        facts: {holder: name, body_name: p.body_name, seats: [x IN p.seats | {role: x.role, post: x.post}],
                inferred: [x IN p.seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}]}}] +
     // one holder on two or more bodies
     CASE WHEN size(seat_bodies) < 2 THEN [] ELSE [{
        finding: CASE WHEN office THEN 'office-across-bodies' ELSE 'across-bodies' END,
        severity: CASE WHEN size(unexplained) <= 1 THEN 'info' ELSE 'warning' END,
        subjects: CASE WHEN office THEN [name] + CASE WHEN office_agency IS NULL THEN [] ELSE [office_agency] END ELSE [name] END + [b IN seat_bodies | b.id],
        body_ids: [b IN seat_bodies | b.id],
        sources: reduce(seen = [], s IN [x IN seats | x.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END),
        sort: CASE WHEN office THEN [1, seats[0].ord] ELSE [0, seats[0].ord, 1] END,
        facts: {holder: name, agency: office_agency,
                inferred: [x IN seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}],
                seats: [p IN per_body | {body_name: p.body_name, roles: p.roles}],
                reasons: [p IN per_body WHERE p.reason IS NOT NULL | p.reason],
                unexplained: unexplained}}] END AS findings
UNWIND findings AS f
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       f.finding AS finding, f.severity AS severity, f.subjects AS subjects, f.body_ids AS body_ids,
       f.sources AS sources, f.sort AS sort, f.facts AS facts

UNION ALL

// the same unnamed post of the same agency listed more than once on one body in the same role
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
UNWIND bodies AS body
MATCH (:Post)-[seat:HOLDS_SEAT]->(body)
WHERE seat.person IS NULL AND seat.agency IS NOT NULL
WITH a, arr, body, seat ORDER BY seat.ord
WITH a, arr, body, toLower(seat.post) AS post, toLower(seat.agency) AS agency, seat.role AS role, collect(seat) AS seats
WHERE size(seats) > 1
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'repeated-post' AS finding, 'info' AS severity,
       [seats[0].post, body.id, body.name] AS subjects,
       [body.id] AS body_ids,
       reduce(seen = [], s IN [x IN seats | x.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS sources,
       [2, seats[0].ord] AS sort,
       {post: seats[0].post, agency: seats[0].agency, count: size(seats), body_name: body.name,
        inferred: [x IN seats WHERE x.basis = 'inferred' | {what: 'seat', label: coalesce(x.person, x.post, '(unnamed seat)'), note: x.note, file: a.id + '/memberships.csv'}]} AS facts
