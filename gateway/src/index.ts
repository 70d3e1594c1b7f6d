export * from './gateway.ts';
// Types only: hive.ts loads Hive Gateway (seconds of start-up, and a root devDependency), so the
// Apollo gateway's importers do not pay for it. Import './hive.ts' (or the scripts' dynamic import).
export type { HiveGateway, HiveGatewayOptions } from './hive.ts';
export * from './compose.ts';
export * from './errors.ts';
