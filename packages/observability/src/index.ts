export * from './metrics.ts';
export * from './tracing.ts';
export * from './routes.ts';
