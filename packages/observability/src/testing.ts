/** Tracing into memory, for tests that check what spans a request makes. */
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from './tracing.ts';

export interface InMemoryTracing {
  spans(): ReadableSpan[];
  reset(): void;
  stop(): Promise<void>;
}

/** Starts this process's tracing (the same `startTracing` as production) with an in-memory exporter. */
export async function startInMemoryTracing(serviceName = 'reconnect-test'): Promise<InMemoryTracing> {
  const exporter = new InMemorySpanExporter();
  const tracing = await startTracing({ serviceName, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  if (!tracing) throw new Error('tracing did not start');
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    stop: () => tracing.stop(),
  };
}

export type { ReadableSpan };
