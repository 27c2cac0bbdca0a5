// Twin of TrustGraph.Analyses.LspReportingGaps: bodies with no chain of accountability up to an LSP.
// Parameters: $authority, $arrangement (null for all). One row per finding; TrustGraph words the message from `facts`.
// An arrangement holds its own bodies and those with no arrangement; the chain is ACCOUNTABLE_TO and REPORTS_TO
// between bodies of the arrangement; a body that is part of (PART_OF) a body that reaches the LSP reaches it too.
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
WITH a, arr, bodies, [b IN bodies WHERE b.kind = 'lsp'] AS lsps
WHERE size(bodies) > 0 AND size(lsps) = 0
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'no-lsp' AS finding, 'error' AS severity,
       [a.id, a.name] AS subjects,
       [b IN bodies | b.id] AS body_ids,
       reduce(seen = [], s IN [b IN bodies | b.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS sources,
       [0] AS sort,
       {authority_name: a.name, body_count: size(bodies)} AS facts

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
WITH a, arr, bodies, [b IN bodies WHERE b.kind = 'lsp'] AS lsps
WHERE size(lsps) > 0
UNWIND bodies AS body
WITH a, arr, bodies, lsps, body
WHERE NOT body.kind IN ['lsp', 'agency-governance']
  // reaches an LSP: itself, or a body it is (transitively) part of, has a chain of lines to one
  AND NOT EXISTS {
    MATCH part = (body)-[:PART_OF*0..]->(whole:Body)
    WHERE all(n IN nodes(part) WHERE n IN bodies)
      AND EXISTS {
        MATCH chain = (whole)-[:ACCOUNTABLE_TO|REPORTS_TO*0..]->(lsp:Body)
        WHERE lsp IN lsps AND all(n IN nodes(chain) WHERE n IN bodies)
      }
  }
WITH a, arr, lsps, body, COLLECT {
  MATCH (body)-[line:ACCOUNTABLE_TO|REPORTS_TO|ADVISES|OBSERVES]->(target:Body)
  WHERE target IN bodies
  RETURN line ORDER BY line.ord
} AS lines
RETURN a.id AS authority, arr.id AS arrangement, a.ord AS authority_ord, arr.ord AS arrangement_ord,
       'gap' AS finding, 'warning' AS severity,
       [body.id, body.name] AS subjects,
       [body.id] AS body_ids,
       reduce(seen = [], s IN [body.source] + [l IN lines | l.source] | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS sources,
       [body.ord] AS sort,
       {body_name: body.name,
        lsp_names: [l IN lsps | l.name],
        answers_to: [l IN lines WHERE l.kind IN ['accountable-to', 'reports-to'] AND endNode(l) <> body | endNode(l).name],
        other_lines: [l IN lines WHERE NOT l.kind IN ['accountable-to', 'reports-to'] | {kind: l.kind, target: endNode(l).name}],
        // the inferred rows the gap rests on: the body itself, then its lines
        inferred: [x IN [body] WHERE x.basis = 'inferred' | {what: 'body', label: x.name, note: x.note, file: a.id + '/bodies.csv'}]
                + [l IN lines WHERE l.basis = 'inferred' | {what: 'line', label: body.name + ' ' + replace(l.kind, '-', ' ') + ' ' + endNode(l).name,
                                                           note: l.note, file: a.id + '/accountability.csv'}]} AS facts
