/**
 * Composition of the four subgraphs into the supergraph the gateway serves, and the public API
 * schema clients see. `pnpm compose` writes both into schema/; a test fails when the committed
 * files are stale or composition reports an error or a hint not listed in schema/accepted-hints.txt.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export const SUBGRAPHS = [
  { name: 'regional-service', dir: 'regional-service', offset: 1 },
  { name: 'person', dir: 'person', offset: 2 },
  { name: 'referral', dir: 'referral', offset: 3 },
  { name: 'partner', dir: 'partner', offset: 4 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUPERGRAPH_FILE = `${ROOT}schema/supergraph.graphql`;
export const API_SCHEMA_FILE = `${ROOT}schema/api.graphql`;
export const ACCEPTED_HINTS_FILE = `${ROOT}schema/accepted-hints.txt`;

/** The URLs recorded in the committed supergraph: the embedded defaults. The gateway overrides them. */
export function defaultSubgraphUrls(port = 4000): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, `http://localhost:${port + s.offset}/graphql`]),
  ) as Record<SubgraphName, string>;
}

export interface Composition {
  supergraphSdl: string;
  apiSchemaSdl: string;
  hints: string[];
}

export function compose(): Composition {
  const urls = defaultSubgraphUrls();
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: urls[s.name],
      typeDefs: parse(readFileSync(`${ROOT}subgraphs/${s.dir}/src/schema.graphql`, 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: `${printSchema(apiSchema)}\n`,
    hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`),
  };
}

export function acceptedHints(): string[] {
  try {
    return readFileSync(ACCEPTED_HINTS_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  } catch {
    return [];
  }
}

export function unacceptedHints(hints: string[]): string[] {
  const accepted = new Set(acceptedHints());
  return hints.filter((h) => !accepted.has(h));
}
