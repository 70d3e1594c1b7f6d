/**
 * The whole hub in this process, as `startEmbeddedHub` builds it (the four subgraphs and the Apollo
 * gateway over one database handle), except that every subgraph request, from the gateway or from
 * another subgraph, passes through a recording proxy. With the handle's statement counter this
 * gives the figures that do not vary from run to run: SQL statements and subgraph requests per
 * operation, and the fetches of each query plan (and, when asked, the same counts through Hive
 * Gateway). The webhook dispatcher is not started: its polls would land in the counts.
 */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { InternalKeys, createJwtVerifier } from '../../packages/auth/src/index.ts';
import { Clock } from '../../packages/config/src/index.ts';
import type { DbHandle } from '../../packages/db/src/index.ts';
import { SUPERGRAPH_FILE, createGateway, type Gateway } from '../../gateway/src/index.ts';
import { createLogger, type Listening, type Subgraph } from '../../packages/graph/src/index.ts';
import { SUBGRAPH_MODULES } from '../../hub/src/index.ts';
import { FetchRecorder, startRecordingProxy, type RecordingProxy } from './proxy.ts';
import { BENCH_AUDIENCE, BENCH_ISSUER } from './tokens.ts';

export interface CountingHub {
  /** The hub's own (Apollo) gateway. */
  gatewayUrl: string;
  /** Every engine's gateway in front of the same proxies, by engine (`apollo`, `hive`). */
  gateways: Record<string, string>;
  /** The recording proxies in front of the subgraphs, by subgraph name. */
  subgraphUrls: Record<string, string>;
  recorder: FetchRecorder;
  handle: DbHandle;
  stop(): Promise<void>;
}

export interface CountingHubOptions {
  handle: DbHandle;
  internalSecret: string;
  jwks: JSONWebKeySet;
  logLevel?: string;
  /** Also serve the supergraph with Hive Gateway (gateway/src/hive.ts), to count its requests too. */
  hive?: boolean;
}

export async function startCountingHub(options: CountingHubOptions): Promise<CountingHub> {
  const logger = createLogger(options.logLevel ?? 'error', 'bench-counting-hub');
  const recorder = new FetchRecorder();
  // Filled in as the proxies start; subgraphs read it when they call one another.
  const proxied: Record<string, string> = {};
  const subgraphs: Subgraph[] = [];
  const listeners: Listening[] = [];
  const proxies: RecordingProxy[] = [];
  const gateways: Pick<Gateway, 'listen' | 'stop'>[] = [];
  const stop = async () => {
    for (const g of gateways) await g.stop();
    for (const p of proxies) await p.close();
    for (const l of listeners) await l.close();
    for (const s of subgraphs) await s.stop();
  };
  try {
    for (const module of SUBGRAPH_MODULES) {
      const subgraph = module.build({
        db: options.handle.db,
        clock: new Clock(),
        internalKeys: InternalKeys.forProcess(options.internalSecret, module.name),
        logger,
        environment: 'production',
        subgraphUrls: proxied,
      });
      subgraphs.push(subgraph);
      const listening = await subgraph.listen(0, '127.0.0.1');
      listeners.push(listening);
      const proxy = await startRecordingProxy(module.name, listening.url, recorder);
      proxies.push(proxy);
      proxied[module.name] = proxy.url;
    }
    const gatewayOptions = {
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: proxied,
      verify: createJwtVerifier({ jwks: options.jwks, issuer: BENCH_ISSUER, audience: BENCH_AUDIENCE }),
      internalSecret: options.internalSecret,
      logger,
      environment: 'production' as const,
      subgraphTimeoutMs: 60_000,
      // One token stands for every connection's user (see processes.ts): the per-caller cap lifted.
      limits: { maxInFlightPerCaller: 10_000 },
    };
    const apollo = createGateway(gatewayOptions);
    gateways.push(apollo);
    const urls: Record<string, string> = { apollo: (await apollo.listen(0, '127.0.0.1')).url };
    if (options.hive) {
      const { createHiveGateway } = await import('../../gateway/src/hive.ts');
      const hive = createHiveGateway(gatewayOptions);
      gateways.push(hive);
      urls.hive = (await hive.listen(0, '127.0.0.1')).url;
    }
    return {
      gatewayUrl: urls.apollo!,
      gateways: urls,
      subgraphUrls: proxied,
      recorder,
      handle: options.handle,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
