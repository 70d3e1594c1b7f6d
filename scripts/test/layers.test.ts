/**
 * Layers point one way and nothing imports in a circle (.dependency-cruiser.cjs, which `pnpm lint`
 * runs over the tree): the real tree passes, a planted violation of each kind is found, and the
 * workspace's package graph has no cycle either (a dev dependency counts).
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lib/runtime.ts';

const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string, paths: string[]): { status: number | null; output: string } {
  const run = spawnSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'err', ...paths], {
    cwd,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const work = mkdtempSync(join(tmpdir(), 'reconnect-layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [file, text] of Object.entries({ 'tsconfig.json': '{ "compilerOptions": {} }', ...files })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('layers and import circles', () => {
  it('the tree has no violation', () => {
    const run = cruise(ROOT, ['packages', 'subgraphs', 'gateway', 'hub', 'scripts', 'bench']);
    expect(run.output).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it.each([
    [
      'packages-are-libraries',
      {
        'packages/db/src/index.ts': "import '../../../subgraphs/person/src/server.ts';\n",
        'subgraphs/person/src/server.ts': '',
      },
    ],
    [
      'subgraphs-below-clients',
      {
        'subgraphs/person/src/server.ts': "import '../../../gateway/src/index.ts';\n",
        'gateway/src/index.ts': '',
      },
    ],
    [
      'subgraphs-apart',
      {
        'subgraphs/person/src/a.ts': "import '../../referral/src/b.ts';\n",
        'subgraphs/referral/src/b.ts': '',
      },
    ],
    [
      'clients-through-the-api',
      { 'gateway/src/index.ts': "import '../../hub/src/index.ts';\n", 'hub/src/index.ts': '' },
    ],
    [
      'loaders-read-db-only',
      {
        'subgraphs/person/src/loaders.ts': "import './service/people.ts';\n",
        'subgraphs/person/src/service/people.ts': '',
      },
    ],
    [
      'no-circular',
      {
        'subgraphs/person/src/context.ts': "import type {} from './loaders.ts';\n",
        'subgraphs/person/src/loaders.ts': "import type {} from './context.ts';\n",
      },
    ],
  ])('finds a planted %s violation', (rule, files) => {
    const dir = tree(rule, files);
    const run = cruise(dir, [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))]);
    expect(run.output).toContain(`error ${rule}`);
    expect(run.status).not.toBe(0);
  });

  it('no workspace package depends on another in a cycle (dev dependencies count)', () => {
    const manifests = ['packages', 'subgraphs']
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => join(dir, name)))
      .concat(
        ['gateway', 'hub', 'console', 'connectors'].filter((d) => existsSync(join(ROOT, d, 'package.json'))),
      )
      .filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
      .map((dir) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest);
    const names = new Set(manifests.map((m) => m.name));
    const edges = new Map(
      manifests.map((m) => [
        m.name,
        Object.keys({ ...m.dependencies, ...m.devDependencies }).filter((d) => names.has(d)),
      ]),
    );
    expect(cycleIn(edges)).toEqual([]);
    // The check itself finds one.
    expect(
      cycleIn(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'a']);
  });
});

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The first cycle found by depth-first search, as the path that closes it; [] when there is none. */
function cycleIn(edges: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return [];
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found.length) return found;
    }
    path.pop();
    done.add(node);
    return [];
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found.length) return found;
  }
  return [];
}
