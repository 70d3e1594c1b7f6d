/**
 * Layers that point one way, and no import circles (`pnpm lint` runs it; README "Layout").
 *
 *   packages/ (libraries)  <-  subgraphs/  <-  gateway/, console/, connectors/  <-  hub/, scripts/, bench/
 *
 * Inside a subgraph, loaders read only db/ (queries they share with services live there), so that
 * nothing below the service layer reaches back into it. Tests may use the whole-hub harness
 * (@reconnect/hub/testing): they sit outside the layers, but take part in the circle check.
 * Type-only imports count: a circle of types is still a circle a reader has to untangle.
 */
const DEPLOYABLES = '^(subgraphs|gateway|console|connectors|hub|scripts|bench)/';
const NOT_TESTS = '(^|/)test/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: break it by moving what both sides need one layer down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'packages-are-libraries',
      severity: 'error',
      comment:
        'A library under packages/ imports no deployable (subgraph, gateway, console, connector, hub, script).',
      from: { path: '^packages/', pathNot: NOT_TESTS },
      to: { path: DEPLOYABLES },
    },
    {
      name: 'subgraphs-below-clients',
      severity: 'error',
      comment:
        'A subgraph imports only packages/ (and itself): never the gateway, a client of it, or the composition root.',
      from: { path: '^subgraphs/', pathNot: NOT_TESTS },
      to: { path: '^(gateway|console|connectors|hub|scripts|bench)/' },
    },
    {
      name: 'subgraphs-apart',
      severity: 'error',
      comment:
        'A subgraph reaches another domain through the graph (hub-client), never by importing its code.',
      from: { path: '^subgraphs/([^/]+)/', pathNot: NOT_TESTS },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'clients-through-the-api',
      severity: 'error',
      comment: 'The gateway, the console and the connectors import no subgraph and not the composition root.',
      from: { path: '^(gateway|console|connectors)/', pathNot: NOT_TESTS },
      to: { path: '^(subgraphs|hub|scripts|bench)/' },
    },
    {
      name: 'loaders-read-db-only',
      severity: 'error',
      comment: "A subgraph's loaders import only its db/ (and packages/): shared queries belong in db/.",
      from: { path: '^subgraphs/[^/]+/src/loaders\\.ts$' },
      to: { path: '^subgraphs/[^/]+/src/(service|resolvers)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.data|drizzle|coverage)/|^docs/|^bench/results/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Workspace packages resolve through their package.json "exports" to the TypeScript sources.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    combinedDependencies: true,
    preserveSymlinks: false,
  },
};
