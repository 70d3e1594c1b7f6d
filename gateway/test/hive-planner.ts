/**
 * The query planner the Hive test files (hive*.test.ts) run Hive Gateway with: its own by default;
 * Hive Router's (Rust) when one of the hive-router*.test.ts files sets it and then imports them, so
 * that every property they prove of one planner is proven of the other.
 */
export const hivePlanner: { current: 'tools' | 'router' } = { current: 'tools' };
