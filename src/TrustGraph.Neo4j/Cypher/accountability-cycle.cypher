// Twin of TrustGraph.Analyses.AccountabilityCycles: bodies that answer, through others, to themselves.
// Parameters: $authority, $arrangement (null for all). One row per finding; TrustGraph words the message from `facts`.
// The chain is ACCOUNTABLE_TO and REPORTS_TO between bodies of the arrangement (its own bodies and those with no
// arrangement). A self-loop is one finding; so is each strongly connected set of two or more bodies, shown by the
// shortest cycle through its first body (ties: the back line listed first, then the path whose lines come first).
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
MATCH (body)-[loop:ACCOUNTABLE_TO|REPORTS_TO]->(body)
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'self-loop' AS finding, 'error' AS severity,
       [body.id, body.name] AS subjects,
       [body.id] AS body_ids,
       [loop.source] AS sources,
       [0, body.ord, loop.ord] AS sort,
       {body_name: body.name, kind: loop.kind,
        inferred: [x IN [loop] WHERE x.basis = 'inferred' | {what: 'line', label: body.name + ' ' + replace(x.kind, '-', ' ') + ' ' + body.name,
                                                            note: x.note, file: a.id + '/accountability.csv'}]} AS facts

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
} AS bodies
// each body's strongly connected component: the bodies it reaches and that reach it back
UNWIND bodies AS b
UNWIND bodies AS c
WITH a, arr, bodies, b, c
WHERE b = c OR (
      EXISTS { MATCH there = (b)-[:ACCOUNTABLE_TO|REPORTS_TO*]->(c) WHERE all(n IN nodes(there) WHERE n IN bodies) }
  AND EXISTS { MATCH back = (c)-[:ACCOUNTABLE_TO|REPORTS_TO*]->(b) WHERE all(n IN nodes(back) WHERE n IN bodies) })
WITH a, arr, bodies, b, c ORDER BY c.ord
WITH a, arr, bodies, b, collect(c) AS component
WHERE size(component) > 1
WITH DISTINCT a, arr, bodies, component
// the shortest cycle through the component's first body
WITH a, arr, bodies, component, component[0] AS start
MATCH (last:Body)-[closing:ACCOUNTABLE_TO|REPORTS_TO]->(start)
WHERE last IN component AND last <> start
MATCH path = allShortestPaths((start)-[:ACCOUNTABLE_TO|REPORTS_TO*]->(last))
WHERE all(n IN nodes(path) WHERE n IN bodies)
WITH a, arr, component, start, closing, path, relationships(path) + closing AS cycle
ORDER BY size(cycle), closing.ord, [r IN relationships(path) | r.ord]
WITH a, arr, component, start, collect(cycle)[0] AS cycle
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'cycle' AS finding, 'error' AS severity,
       [n IN component | n.id] + [n IN component | n.name] AS subjects,
       [n IN component | n.id] AS body_ids,
       reduce(seen = [], s IN [r IN cycle | r.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS sources,
       [1, start.ord, 0] AS sort,
       {names_along_cycle: [r IN cycle | startNode(r).name] + start.name,
        member_names: [n IN component | n.name],
        bodies_in_loop: size(component),
        // the inferred lines the cycle rests on, in its order
        inferred: [r IN cycle WHERE r.basis = 'inferred' | {what: 'line', label: startNode(r).name + ' ' + replace(r.kind, '-', ' ') + ' ' + endNode(r).name,
                                                            note: r.note, file: a.id + '/accountability.csv'}]} AS facts
