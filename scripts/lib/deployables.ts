/**
 * Every deployable the hub ships, in one list: what `pnpm build` bundles (scripts/build.ts), what
 * the built-start test runs (scripts/test/build.test.ts) and what docs/OPERATIONS.md describes.
 * A new connector is one line here: its name, its entry point and the arguments it starts with.
 */
export interface Deployable {
  /** The deployable's name (its `deployable` label in the metrics). */
  name: string;
  /** Its entry point, from the repository root: a script that reads its config and listens. */
  entry: string;
  /** Arguments after the bundle: `node dist/<bundle>.mjs <args>`. */
  args: string[];
  /** The environment variable of its port, and the path that answers once it is up. */
  portVar: 'PORT' | 'CONSOLE_PORT' | 'BARS_FHIR_PORT' | 'HMPPS_EVENTS_PORT';
  health: string;
}

const subgraph = (name: string): Deployable => ({
  name,
  entry: 'scripts/run-subgraph.ts',
  args: [name],
  portVar: 'PORT',
  health: '/health',
});

export const DEPLOYABLES: Deployable[] = [
  { name: 'gateway', entry: 'scripts/run-gateway.ts', args: [], portVar: 'PORT', health: '/health' },
  subgraph('regional-service'),
  subgraph('person'),
  subgraph('referral'),
  subgraph('partner'),
  { name: 'console', entry: 'console/src/main.ts', args: [], portVar: 'CONSOLE_PORT', health: '/health' },
  {
    name: 'bars-fhir',
    entry: 'scripts/run-bars-fhir.ts',
    args: [],
    portVar: 'BARS_FHIR_PORT',
    health: '/health',
  },
  {
    name: 'hmpps-events',
    entry: 'connectors/hmpps-events/src/main.ts',
    args: [],
    portVar: 'HMPPS_EVENTS_PORT',
    health: '/health',
  },
];

/** Where `pnpm build` writes: one bundle per entry point, `dist/<entry's file name>.mjs`. */
export const DIST_DIR = 'dist';

export function bundleOf(deployable: Pick<Deployable, 'entry'>): string {
  const file = deployable.entry.split('/').pop()!.replace(/\.ts$/, '');
  // `main.ts` entries are named by their deployable's folder: console, hmpps-events.
  const parts = deployable.entry.split('/');
  return `${DIST_DIR}/${file === 'main' ? parts[parts.length - 3] : file}.mjs`;
}
