/** Writes schema/supergraph.graphql and schema/api.graphql from the subgraphs' SDL files. */
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, compose, unacceptedHints } from '@reconnect/gateway';

const result = compose();
writeFileSync(
  SUPERGRAPH_FILE,
  result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`,
);
writeFileSync(API_SCHEMA_FILE, result.apiSchemaSdl);
console.log(`wrote ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
const pending = unacceptedHints(result.hints);
for (const hint of result.hints)
  console.log(`hint ${pending.includes(hint) ? '(not accepted)' : '(accepted)'}: ${hint}`);
if (pending.length > 0) {
  console.error(
    `${pending.length} composition hint(s) not accepted: fix them or list them in schema/accepted-hints.txt`,
  );
  process.exit(1);
}
