/**
 * The variants a run times, each a name, what it measures, a way to run it for a number of seconds
 * at the run's concurrency, and a check (one request, answered whole) made before anything is timed.
 */
import type { DbHandle } from '../../packages/db/src/index.ts';
import { bodyIsAnswer } from './counts.ts';
import { directTarget } from './direct.ts';
import { floorQuery } from './floor.ts';
import { runCallLoad, runHttpLoad, type HttpTarget, type LoadResult } from './load.ts';
import { bodyOf, submitBody, type OperationName, type Scenario } from './operations.ts';
import type { PlanFetch } from './plan.ts';
import type { VariantResult } from './report.ts';
import type { Caller } from './tokens.ts';

export interface Variant {
  name: string;
  kind: VariantResult['kind'];
  operation: OperationName;
  /** Requests in flight at once: the run's concurrency, or 1 (latency without queueing). */
  connections: number;
  engine?: string;
  fetch?: string;
  run: (seconds: number) => Promise<LoadResult>;
  /** One request before anything is timed: throws (with the reason) when the variant is broken. */
  check: () => Promise<void>;
}

export interface VariantContext {
  scenario: Scenario;
  connections: number;
  callerOf: (operation: OperationName) => Caller;
}

/** `hub/caseload` at the run's concurrency, `hub@1/caseload` one request at a time. */
export function variantName(prefix: string, connections: number, rest: string): string {
  return `${prefix}${connections === 1 ? '@1' : ''}/${rest}`;
}

function httpVariant(base: Omit<Variant, 'run' | 'check'>, target: HttpTarget): Variant {
  return {
    ...base,
    run: (seconds) => runHttpLoad(target, { connections: base.connections, seconds }),
    check: async () => {
      const request = target.request();
      const response = await fetch(target.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const text = await response.text();
      if (response.status !== 200 || !bodyIsAnswer(text)) {
        throw new Error(`${base.name}: ${response.status} ${text.slice(0, 400)}`);
      }
    },
  };
}

/** `hub/<op>` through the Apollo gateway process, `<engine>/<op>` through another engine's. */
export function gatewayVariants(
  ctx: VariantContext,
  engine: string,
  url: string,
  operations: OperationName[],
  connections = ctx.connections,
): Variant[] {
  return operations.map((op) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ctx.callerOf(op).token}` };
    const target: HttpTarget = {
      url,
      // A submission must be new every time; the queries are the same request over and over.
      dynamic: op === 'submit',
      request: () => ({ headers, body: JSON.stringify(bodyOf(op, ctx.scenario)) }),
    };
    return httpVariant(
      engine === 'apollo'
        ? { name: variantName('hub', connections, op), kind: 'hub', operation: op, connections }
        : { name: variantName(engine, connections, op), kind: 'engine', operation: op, engine, connections },
      target,
    );
  });
}

/** `floor/caseload`: the page's one SQL statement over a pool of the subgraphs' size. */
export function floorVariant(ctx: VariantContext, pool: DbHandle, connections = ctx.connections): Variant {
  const once = () => pool.db.execute(floorQuery(ctx.scenario.serviceCode, new Date(), 50));
  return {
    name: variantName('floor', connections, 'caseload'),
    kind: 'floor',
    operation: 'caseload',
    connections,
    run: (seconds) => runCallLoad(once, { connections, seconds }),
    check: async () => {
      await once();
    },
  };
}

/**
 * `direct/<op>/<fetch>`: every fetch of the operation's plan, straight to its subgraph process, one
 * at a time. At the run's concurrency one subgraph would take all of it and queue far more than it
 * does inside the hub, where the same requests are spread over the steps of the plan.
 */
export function directVariants(
  ctx: VariantContext,
  op: OperationName,
  plan: PlanFetch[],
  subgraphUrls: Record<string, string>,
  internalSecret: string,
): Variant[] {
  return plan.map((fetch) =>
    httpVariant(
      { name: `direct/${op}/${fetch.key}`, kind: 'direct', operation: op, fetch: fetch.key, connections: 1 },
      directTarget(fetch, {
        url: subgraphUrls[fetch.subgraph]!,
        internalSecret,
        principal: ctx.callerOf(op).principal,
        ...(op === 'submit' ? { freshOperation: () => submitBody(ctx.scenario) } : {}),
      }),
    ),
  );
}
