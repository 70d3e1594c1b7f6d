/**
 * The counts that do not vary between runs or machines: for one operation through the in-process
 * hub, the SQL statements every subgraph sent (all share one handle and its counter) and the
 * subgraph requests (from the gateway, and from one subgraph to another). The statements are
 * grouped by shape (parameter lists collapsed) so an N+1 shows as one shape repeated.
 */
import type { CountingHub } from './counting-hub.ts';
import type { GraphqlBody } from './operations.ts';
import type { RecordedFetch } from './proxy.ts';

export interface StatementShape {
  /** The statement with `$1, $2, ...` lists collapsed, cut to 240 characters. */
  sql: string;
  count: number;
}

export interface OperationCount {
  statements: number;
  /** By the first schema a statement names (person, referral, access, audit, ...). */
  statementsBySchema: Record<string, number>;
  shapes: StatementShape[];
  subgraphRequests: number;
  /** Requests per subgraph, e.g. `referral`, and per caller → subgraph, e.g. `gateway→person`. */
  bySubgraph: Record<string, number>;
  byCaller: Record<string, number>;
}

export interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

/**
 * Whether a raw answer is a whole answer: data and no errors. Cheap enough for every response
 * under load; a partial answer (a FORBIDDEN field, a subgraph down) would time less work than the
 * operation asks for, so it counts against the run.
 */
export function bodyIsAnswer(body: string): boolean {
  return body.includes('"data":{') && !body.includes('"errors"');
}

/** POSTs to a gateway; an answer with errors (or without data) is a failure of the benchmark. */
export async function ask(url: string, token: string, body: GraphqlBody): Promise<GraphqlAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as GraphqlAnswer;
  if (response.status !== 200 || answer.errors?.length || !answer.data) {
    throw new Error(
      `the gateway answered ${response.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 600)}`,
    );
  }
  return answer;
}

export function shapeOf(statement: string): string {
  return statement
    .replace(/\$\d+(\s*,\s*\$\d+)+/g, '$…')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 240);
}

function schemaOf(statement: string): string {
  const m = /"(\w+)"\."\w+"/.exec(statement) ?? /\b(?:from|into|update)\s+(\w+)\./i.exec(statement);
  return (
    m?.[1] ?? (/^\s*(begin|commit|rollback|select pg_advisory)/i.test(statement) ? 'transaction' : 'other')
  );
}

export function countOf(statements: string[], fetches: RecordedFetch[]): OperationCount {
  const bySchema: Record<string, number> = {};
  const shapes = new Map<string, number>();
  for (const s of statements) {
    const schema = schemaOf(s);
    bySchema[schema] = (bySchema[schema] ?? 0) + 1;
    const shape = shapeOf(s);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  const bySubgraph: Record<string, number> = {};
  const byCaller: Record<string, number> = {};
  for (const f of fetches) {
    bySubgraph[f.subgraph] = (bySubgraph[f.subgraph] ?? 0) + 1;
    const key = `${f.caller}→${f.subgraph}`;
    byCaller[key] = (byCaller[key] ?? 0) + 1;
  }
  return {
    statements: statements.length,
    statementsBySchema: bySchema,
    shapes: [...shapes.entries()].map(([sql, count]) => ({ sql, count })).sort((a, b) => b.count - a.count),
    subgraphRequests: fetches.length,
    bySubgraph,
    byCaller,
  };
}

/** Sends one operation through the counting hub and counts what it cost. */
export async function countOperation(
  hub: CountingHub,
  token: string,
  body: GraphqlBody,
  engine = 'apollo',
): Promise<{ count: OperationCount; fetches: RecordedFetch[]; answer: GraphqlAnswer }> {
  const url = hub.gateways[engine];
  if (!url) throw new Error(`the counting hub has no ${engine} gateway`);
  const { result, statements } = await hub.handle.statements.measure(() =>
    hub.recorder.during(() => ask(url, token, body)),
  );
  return {
    count: countOf(statements, result.fetches),
    fetches: result.fetches,
    answer: result.result,
  };
}

const idsOf = (answer: GraphqlAnswer) =>
  JSON.stringify(
    (answer.data as { referrals?: { nodes?: { id: string }[] } }).referrals?.nodes?.map((n) => n.id),
  );

/**
 * Whether a gateway keeps callers apart under concurrency: two callers of different services ask
 * for their caseloads (the same query text) at the same moment, and each must get what it gets
 * alone. An engine that shares one in-flight subgraph answer between identical requests fails this
 * (a leak between organisations, and a speed-up no real traffic of distinct callers would see).
 */
export async function keepsCallersApart(
  url: string,
  first: { token: string },
  second: { token: string },
  body: GraphqlBody,
): Promise<boolean> {
  const alone = [idsOf(await ask(url, first.token, body)), idsOf(await ask(url, second.token, body))];
  if (alone[0] === alone[1]) throw new Error('the two callers see the same caseload: pick other services');
  for (let i = 0; i < 5; i += 1) {
    const both = await Promise.all([ask(url, first.token, body), ask(url, second.token, body)]);
    if (idsOf(both[0]) !== alone[0] || idsOf(both[1]) !== alone[1]) return false;
  }
  return true;
}
