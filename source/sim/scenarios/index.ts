// Built-in scenarios by name.
import { afterUpgrade } from './after-upgrade.js';
import { edgeCases } from './edge-cases.js';
import { empty } from './empty.js';
import type { Scenario } from './types.js';
import { walkthrough } from './walkthrough.js';

export type { Scenario, ScenarioStep } from './types.js';

/** 'large' is the walkthrough plus generated pods (10 000 unless `generate` says otherwise). */
export const SCENARIOS: Record<string, Scenario> = { walkthrough, empty, 'edge-cases': edgeCases, 'after-upgrade': afterUpgrade, large: { ...walkthrough, name: 'large' } };

export const LARGE_DEFAULT_PODS = 10_000;

export function scenarioByName(name: string): Scenario {
  const s = SCENARIOS[name];
  if (s === undefined) throw new Error(`sim: unknown scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  return s;
}
