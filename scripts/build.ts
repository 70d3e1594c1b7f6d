/**
 * `pnpm build`: each deployable (scripts/lib/deployables.ts) bundled by esbuild into one file under
 * dist/ that `node` runs alone, for production; development and tests keep running the TypeScript
 * through tsx. The hub's own code (the deployable and every workspace package it imports) is
 * inlined; node_modules stay external, imported by their resolved paths (pnpm keeps each package's
 * dependencies beside it, so a bare name would not resolve from dist/). Files the code finds beside
 * itself (migrations, schema.graphql, views, reference data) stay where they are: `import.meta.url`
 * in each inlined module is its source file's URL, relative to the bundle, so the bundle runs from
 * the checked-out (or copied) repository with `pnpm install --prod` done.
 */
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { DEPLOYABLES, DIST_DIR, bundleOf } from './lib/deployables.ts';
import { ROOT } from './lib/runtime.ts';

const OUT = resolve(ROOT, DIST_DIR);
const builtins = new Set(builtinModules);
const fromOut = (path: string) => {
  const rel = relative(OUT, path).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

const layout: Plugin = {
  name: 'reconnect-layout',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path.split('/')[0]!)) {
        return { path: args.path, external: true };
      }
      if ((args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { inner: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      // Workspace packages resolve (through pnpm's links) to their sources: inlined.
      if (!found.path.includes('/node_modules/')) return found;
      return { path: fromOut(found.path), external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      const here = JSON.stringify(fromOut(args.path));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${here}, import.meta.url).href`),
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

const entries = [...new Set(DEPLOYABLES.map((d) => d.entry))];
const started = performance.now();
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(
    entries.map((entry) => [bundleOf({ entry }).slice(DIST_DIR.length + 1, -'.mjs'.length), entry]),
  ),
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Shared code in shared chunks; what is imported lazily (Hive Gateway, the OTel SDK) stays lazy.
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Node's own conditions (esbuild adds `module` by default: bundler-only builds Node cannot load).
  conditions: ['node'],
  mainFields: ['main'],
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [layout],
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
for (const deployable of DEPLOYABLES) {
  console.log(
    `${deployable.name.padEnd(18)} node ${bundleOf(deployable)} ${deployable.args.join(' ')}`.trimEnd(),
  );
}
console.log(
  `${outputs.length} files, ${kb(outputs.reduce((n, [, o]) => n + o.bytes, 0))}, in ${Math.round(performance.now() - started)} ms`,
);
