/**
 * Runs every example of docs/API.md, in order, through the gateway against the demo data, as the
 * caller each example names, so the documentation stays true. An example is an HTML comment
 * `<!-- example: as=ROLE org=CODE [expect=CODE] -->` followed by a ```graphql block and, optionally,
 * a ```json variables block. Every example is first validated against the committed public API
 * schema (schema/api.graphql), so an example the API no longer accepts fails by name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@reconnect/hub';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';

const DOC = fileURLToPath(new URL('../../docs/API.md', import.meta.url));
const API_SCHEMA = fileURLToPath(new URL('../../schema/api.graphql', import.meta.url));

interface Example {
  line: number;
  as: string;
  org: string;
  expect?: string;
  query: string;
  variables?: Record<string, unknown>;
}

export function parseExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const pattern =
    /<!-- example: ([^>]*?) -->\s*```graphql\n([\s\S]*?)```(?:\s*```json variables\n([\s\S]*?)```)?/g;
  for (const match of markdown.matchAll(pattern)) {
    const attrs = Object.fromEntries(match[1]!.split(/\s+/).map((kv) => kv.split('=') as [string, string]));
    examples.push({
      line: markdown.slice(0, match.index).split('\n').length,
      as: attrs.as!,
      org: attrs.org!,
      ...(attrs.expect ? { expect: attrs.expect } : {}),
      query: match[2]!,
      ...(match[3] ? { variables: JSON.parse(match[3]) as Record<string, unknown> } : {}),
    });
  }
  return examples;
}

const examples = parseExamples(readFileSync(DOC, 'utf8'));

describe('docs/API.md against schema/api.graphql', () => {
  const schema = buildSchema(readFileSync(API_SCHEMA, 'utf8'));

  it.each(examples.map((e) => [`line ${e.line}`, e] as const))(
    '%s is a valid document',
    (_label, example) => {
      expect(validate(schema, parse(example.query)).map((error) => error.message)).toEqual([]);
    },
  );
});

describe('docs/API.md', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set('2026-11-25T10:00:00Z');
    await seedDemoData(hub.database.handle.db, hub.clock);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('has examples for every kind of user', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(new Set(examples.map((e) => e.as))).toEqual(
      new Set([
        'REFERRER',
        'RECONNECT_STAFF',
        'RECONNECT_LEAD',
        'COMMISSIONER',
        'ER_PARTNER',
        'RECONNECT_ADMIN',
        'HMPPS_EVENTS',
      ]),
    );
  });

  // In document order: later examples build on what earlier ones did.
  it.each(examples.map((e) => [`line ${e.line} as ${e.as} ${e.org}`, e] as const))(
    '%s',
    async (_label, example) => {
      const caller = await hub.as(example.as, { org: example.org });
      const { body } = await caller.query(example.query, example.variables, {
        'x-purpose-of-use': 'documentation test',
      });
      if (example.expect) {
        expect(body.errors?.map((e) => e.extensions?.code)).toContain(example.expect);
      } else {
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        expect(body.data).toBeTruthy();
      }
    },
  );
});
