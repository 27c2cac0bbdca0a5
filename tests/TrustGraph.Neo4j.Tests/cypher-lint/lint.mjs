// Lints Cypher with Neo4j's parser and semantic analysis (@neo4j-cypher/language-support).
// Usage: node lint.mjs FILE... ; a file holds one statement, or a cypher-shell script when its name ends in .cypher-shell.
// Prints one line per diagnostic (file:line:column: error|warning: message); exits 1 when any error is found.
// Undefined-parameter diagnostics are dropped: parameters are supplied at run time.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';

let errors = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { diagnostics } = lintCypherQuery(text, {}, { consoleCommandsEnabled: file.endsWith('.cypher-shell') });
  for (const d of diagnostics.filter(d => !/^Parameter \$\w+ is not defined/.test(d.message))) {
    const level = d.severity === 1 ? 'error' : 'warning';
    if (level === 'error') errors++;
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${level}: ${d.message.replace(/\s+/g, ' ')}`);
  }
}
process.exit(errors > 0 ? 1 : 0);
