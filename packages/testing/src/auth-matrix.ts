/**
 * Reads the contract's AUTH.md (docs/contract/AUTH.md, the repository's byte-for-byte copy of
 * ../shared/contract/AUTH.md, kept equal by `pnpm check:generated`) into data, so that permission
 * tests are generated from the contract itself rather than from a retelling of it: the "Roles" table (role, who, relationship) and the
 * "Field matrix" table (data label -> the cell text of each caller column). A change to either
 * table changes what the tests expect; a table the parser no longer recognises fails loudly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/testing/src/auth-matrix.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The repository's copy of the contract (scripts/lib/shared-copy.ts). */
export const AUTH_MD_PATH = resolve(REPO_ROOT, 'docs/contract/AUTH.md');
/**
 * The additions of contract/next/ that are built and binding (CI's contract check runs with
 * `--require <name>` for each): their Roles and Field matrix tables are read beside AUTH.md's.
 */
export const BINDING_ADDITIONS = ['custody-events', 'governance', 'trust', 'casework'] as const;
export const additionPath = (name: string) => resolve(REPO_ROOT, `docs/contract/next/${name}.md`);

/** The caller columns of the field matrix, by the heading's first word. */
export const MATRIX_COLUMNS = ['STAFF/LEAD', 'REFERRER', 'ER_PARTNER', 'COMMISSIONER', 'ADMIN'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export interface ContractRole {
  /** The role name as a token carries it, e.g. RECONNECT_STAFF. */
  role: string;
  who: string;
  /** What relationship opens a referral or person to it. */
  relationship: string;
}

export interface MatrixColumnHeading {
  column: MatrixColumn;
  /** The parenthesised qualifier of the heading, e.g. "own" or "own case"; null when there is none. */
  qualifier: string | null;
}

export interface MatrixRow {
  /** The "data" cell, e.g. "Person: healthNeeds". */
  data: string;
  /** The cell text of each caller column, backticks removed. */
  cells: Record<MatrixColumn, string>;
}

export interface AuthContract {
  roles: ContractRole[];
  columns: MatrixColumnHeading[];
  rows: MatrixRow[];
  /** The prose of the "Field matrix" section outside its table, one entry per paragraph. */
  matrixNotes: string[];
}

interface Section {
  table: string[][];
  prose: string[];
}

function hasSection(markdown: string, heading: string): boolean {
  return markdown.split(/\r?\n/).some((l) => l.trim().toLowerCase() === `## ${heading}`.toLowerCase());
}

/** The lines of the `## heading` section, up to the next heading of level two or above. */
function sectionLines(markdown: string, heading: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading}`.toLowerCase());
  if (start < 0) throw new Error(`AUTH.md has no "## ${heading}" section`);
  const end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
  return lines.slice(start + 1, end < 0 ? lines.length : end);
}

/** Splits `| a | b |` into trimmed cells; an escaped pipe (`\|`) stays inside its cell. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').replace(/`/g, '').trim());
}

/** The first table of a section (header row first, the `|---|` line dropped) and its prose. */
function parseSection(markdown: string, heading: string): Section {
  const lines = sectionLines(markdown, heading);
  const first = lines.findIndex((l) => l.trim().startsWith('|'));
  if (first < 0) throw new Error(`AUTH.md's "${heading}" section has no table`);
  let last = first;
  while (last + 1 < lines.length && lines[last + 1]!.trim().startsWith('|')) last += 1;
  const tableLines = lines.slice(first, last + 1);
  if (tableLines.length < 2 || !/^\|?\s*:?-{3,}/.test(tableLines[1]!.trim())) {
    throw new Error(`AUTH.md's "${heading}" table has no header separator`);
  }
  const table = [tableLines[0]!, ...tableLines.slice(2)].map(cellsOf);
  const prose = [...lines.slice(0, first), '', ...lines.slice(last + 1)]
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { table, prose };
}

function headingOf(text: string): MatrixColumnHeading {
  const match = /^([A-Z_/]+)\s*(?:\(([^)]*)\))?$/.exec(text.trim());
  const column = MATRIX_COLUMNS.find((c) => c === match?.[1]);
  if (!match || !column) throw new Error(`AUTH.md's field matrix has an unknown column "${text}"`);
  return { column, qualifier: match[2]?.trim() || null };
}

/**
 * Parses AUTH.md, or (`addition`) a contract/next/*.md file, whose Roles section is optional: an
 * addition may add rows to the field matrix only.
 */
export function parseAuthContract(markdown: string, addition = false): AuthContract {
  if (addition && !hasSection(markdown, 'Roles')) {
    return {
      ...parseAuthContract(`## Roles\n\n| role | who | relationship |\n|---|---|---|\n\n${markdown}`),
      roles: [],
    };
  }
  const roleSection = parseSection(markdown, 'Roles');
  const [roleHeader, ...roleRows] = roleSection.table;
  if (roleHeader?.[0]?.toLowerCase() !== 'role' || roleHeader.length < 3) {
    throw new Error('AUTH.md\'s "Roles" table must start with the columns role | who | relationship');
  }
  const roles = roleRows.map((cells) => {
    if (cells.length !== roleHeader.length) throw new Error(`AUTH.md's Roles row "${cells[0]}" is ragged`);
    return { role: cells[0]!, who: cells[1]!, relationship: cells[2]! };
  });

  const matrix = parseSection(markdown, 'Field matrix');
  const [header, ...body] = matrix.table;
  if (header?.[0]?.toLowerCase() !== 'data') {
    throw new Error('AUTH.md\'s "Field matrix" table must start with the column "data"');
  }
  const columns = header.slice(1).map(headingOf);
  const missing = MATRIX_COLUMNS.filter((c) => !columns.some((h) => h.column === c));
  if (missing.length || columns.length !== MATRIX_COLUMNS.length) {
    throw new Error(`AUTH.md's field matrix must have exactly the columns ${MATRIX_COLUMNS.join(', ')}`);
  }
  const rows = body.map((cells) => {
    if (cells.length !== header.length) throw new Error(`AUTH.md's field matrix row "${cells[0]}" is ragged`);
    const byColumn = {} as Record<MatrixColumn, string>;
    columns.forEach((h, i) => {
      byColumn[h.column] = cells[i + 1]!;
    });
    return { data: cells[0]!, cells: byColumn };
  });
  const labels = new Set<string>();
  for (const row of rows) {
    if (labels.has(row.data)) throw new Error(`AUTH.md's field matrix has the row "${row.data}" twice`);
    labels.add(row.data);
  }
  return { roles, columns, rows, matrixNotes: matrix.prose };
}

/**
 * AUTH.md with the binding additions beside it (by default the contract next to this repository):
 * their roles and field-matrix rows follow AUTH.md's, and a role or row in two files fails loudly.
 */
export function readAuthContract(
  path: string = AUTH_MD_PATH,
  additions: readonly string[] = BINDING_ADDITIONS,
): AuthContract {
  const contract = parseAuthContract(readFileSync(path, 'utf8'));
  for (const name of additions) {
    const next = parseAuthContract(readFileSync(additionPath(name), 'utf8'), true);
    for (const role of next.roles) {
      if (contract.roles.some((r) => r.role === role.role))
        throw new Error(`next/${name}.md adds the role ${role.role}, which AUTH.md has already`);
    }
    for (const row of next.rows) {
      if (contract.rows.some((r) => r.data === row.data))
        throw new Error(`next/${name}.md adds the field-matrix row "${row.data}", which AUTH.md has already`);
    }
    contract.roles.push(...next.roles);
    contract.rows.push(...next.rows);
    contract.matrixNotes.push(...next.matrixNotes);
  }
  return contract;
}
