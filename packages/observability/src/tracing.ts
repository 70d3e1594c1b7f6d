/**
 * Traces (OpenTelemetry). Off unless OTEL_EXPORTER_OTLP_ENDPOINT is configured (or a test hands in
 * its own span processor): then `startTracing` starts the Node SDK with the W3C `traceparent`
 * propagator, AsyncLocalStorage context and the undici instrumentation (every `fetch`: the
 * gateway's subgraph fetches, hub-client calls, the console's calls to the gateway, each carrying
 * `traceparent`). The hub's own spans come from the helpers below: the server span of every
 * GraphQL or console request (continuing the caller's `traceparent`), one span per subgraph fetch,
 * and one per SQL statement (postgres.js has no OpenTelemetry instrumentation; PGlite neither).
 *
 * Why not more instrumentations: `instrumentation-http` patches `node:http` through module hooks
 * that ESM imports bypass without a loader, and with one it would wrap every request in a second
 * server span; `instrumentation-graphql` records the document source (`graphql.source`), where an
 * inline argument can be personal data. `instrumentation-pg` fits only `pg`, which the console's
 * session store uses, also through module hooks.
 *
 * No personal data in spans: names are operations (root fields), route patterns and SQL keywords;
 * SQL text is drizzle's, with `$n` placeholders and never the parameter values; no URL query string
 * is ever built from input. When tracing is off each helper is one boolean test and a direct call.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

let enabled = false;

/** Whether spans are recorded in this process. */
export function tracingEnabled(): boolean {
  return enabled;
}

export interface TracingOptions {
  /** `service.name` of this process's spans (`reconnect-gateway`, `reconnect-referral`, ...). */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL (spans go to `<endpoint>/v1/traces`). */
  endpoint?: string | undefined;
  /** Instead of (or beside) the exporter: a test's in-memory processor. */
  spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  stop(): Promise<void>;
}

/**
 * Starts tracing for this process when an endpoint (or a processor) is given; otherwise returns
 * undefined and loads nothing (the SDK is imported only when asked for).
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const processors = [...(options.spanProcessors ?? [])];
  if (!options.endpoint && processors.length === 0) return undefined;
  const [{ NodeSDK }, { BatchSpanProcessor }, { W3CTraceContextPropagator }, { UndiciInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/core'),
      import('@opentelemetry/instrumentation-undici'),
    ]);
  if (options.endpoint) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const url = `${options.endpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors: processors,
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [new UndiciInstrumentation()],
    // Traces only: metrics are Prometheus (/metrics), logs are pino's.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  enabled = true;
  return {
    async stop() {
      enabled = false;
      await sdk.shutdown();
    },
  };
}

const tracer = () => trace.getTracer('@reconnect/hub');

async function inSpan<T>(span: Span, fn: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await fn(span);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Serves a request in a SERVER span that continues the caller's `traceparent` (the gateway's, a
 * subgraph's, a browser's none). `fn` gets the span (undefined when tracing is off) to name it once
 * the operation is known.
 */
export function traceIncoming<T>(
  headers: IncomingHttpHeaders,
  name: string,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return fn(undefined);
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, (span) =>
    inSpan(span, fn),
  );
}

/** Runs `fn` in a child span of the active one (a subgraph fetch, a SQL statement). */
export function traceSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!enabled) return fn(undefined);
  return tracer().startActiveSpan(name, { kind, attributes }, (span) => inSpan(span, fn));
}

/** The SQL keyword a statement's span is named by (`select`, `insert`, ...). */
export function sqlOperation(text: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(text);
  return (match?.[1] ?? 'sql').toLowerCase();
}

const MAX_SQL_ATTRIBUTE = 2000;

/** Runs one SQL statement in a CLIENT span: its text (placeholders only, no values), no parameters. */
export function traceQuery<T>(system: 'postgresql', text: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  return traceSpan(
    sqlOperation(text),
    { 'db.system.name': system, 'db.query.text': text.slice(0, MAX_SQL_ATTRIBUTE) },
    fn,
    SpanKind.CLIENT,
  );
}

export { SpanKind, type Span };
