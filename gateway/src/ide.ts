/**
 * The GraphQL IDE at the gateway URL, in development only: GraphiQL served from the installed
 * packages (no CDN, so it works without internet access), with a headers editor prefilled with
 * an Authorization header to paste a development token into. Never served in production.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from '@reconnect/graph';

const require = createRequire(import.meta.url);

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  '/ide/react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/ide/react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/ide/graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/ide/graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file inside an installed package (resolved through its package.json: `exports` hide the UMD files). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const DEFAULT_QUERY = `# RECONNECT Hub. Paste a token into the Headers tab below:
#   pnpm -s token RECONNECT_STAFF --org RC-NW
# then press the refresh button (bottom left) to load the schema, and run.
{
  me { subject roles service { name } }
  referrals(first: 5) {
    totalCount
    nodes { reference status person { givenName familyName } custody { establishment { name } } }
  }
}
`;

function page(graphqlPath: string): string {
  const config = JSON.stringify({
    url: graphqlPath,
    query: DEFAULT_QUERY,
    headers: JSON.stringify(
      { Authorization: 'Bearer <paste the output of: pnpm -s token RECONNECT_STAFF --org RC-NW>' },
      null,
      2,
    ),
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>RECONNECT Hub — GraphQL IDE (development)</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="ide"></div>
<script src="/ide/react.js"></script>
<script src="/ide/react-dom.js"></script>
<script src="/ide/graphiql.js"></script>
<script>
  const config = ${config};
  const fetcher = GraphiQL.createFetcher({ url: config.url });
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: config.query,
      defaultHeaders: config.headers,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: true,
    }),
  );
</script>
</body>
</html>`;
}

/** Routes for the IDE page and its assets. */
export function ideRoutes(graphqlPath = '/graphql'): { landingPage: Route; assets: Record<string, Route> } {
  const assets: Record<string, Route> = {};
  for (const [path, asset] of Object.entries(ASSETS)) {
    let body: Buffer | undefined;
    assets[path] = (_req, res) => {
      body ??= readFileSync(packageFile(asset.pkg, asset.file));
      res.writeHead(200, {
        'content-type': `${asset.type}; charset=utf-8`,
        'cache-control': 'public, max-age=3600',
      });
      res.end(body);
    };
  }
  const html = page(graphqlPath);
  return {
    landingPage: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    },
    assets,
  };
}
