// Types for test-tiers.mjs.
export type Tier = 'fast' | 'sim' | 'slow';
/** node --test flags for every run: a test timeout and a watchdog per test process. */
export const RUNNER_GUARDS: readonly string[];
export const TIERS: readonly Tier[];
export function tierOf(file: string): Tier;
export function testFiles(root: string): string[];
export function filesOf(root: string, tiers: readonly (Tier | 'all')[]): string[];
