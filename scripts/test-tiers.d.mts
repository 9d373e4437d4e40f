// Types for test-tiers.mjs.
export type Tier = 'fast' | 'sim' | 'slow';
export const TIERS: readonly Tier[];
export function tierOf(file: string): Tier;
export function testFiles(root: string): string[];
export function filesOf(root: string, tiers: readonly (Tier | 'all')[]): string[];
