/**
 * hive-limits.test.ts again, with Hive Gateway planning through Hive Router's query planner
 * (`@graphql-hive/router-runtime`, src/hive.ts `planner: 'router'`): every property it proves of
 * Hive's own planner, proven of this one.
 */
import { expect, it } from 'vitest';
import { hivePlanner } from './hive-planner.ts';

hivePlanner.current = 'router';
await import('./hive-limits.test.ts');

it('planned with Hive Router’s native query planner', () => {
  const report = process.report.getReport() as unknown as { sharedObjects: string[] };
  expect(report.sharedObjects.some((file) => file.includes('hive_router_query_planner'))).toBe(true);
});
