// What a new profile takes when the user does not say: the pod execution role and subnets the
// cluster's ACTIVE profiles already use, when they all agree. A choice among several would be a
// guess, so then the value is required.
import type { Profile } from './types.js';

export type Agreed<T> =
  /** Every ACTIVE profile uses it. */
  | { kind: 'agreed'; value: T; from: string[] }
  /** They differ: the values and who uses each. */
  | { kind: 'differ'; values: { value: T; profiles: string[] }[] }
  /** No ACTIVE profile to take it from. */
  | { kind: 'none' };

function agreed<T>(profiles: readonly Profile[], pick: (p: Profile) => T | null, key: (v: T) => string): Agreed<T> {
  const groups = new Map<string, { value: T; profiles: string[] }>();
  for (const p of profiles) {
    if (p.status !== 'ACTIVE' || p.source !== 'eks') continue;
    const value = pick(p);
    if (value === null) continue;
    const k = key(value);
    const group = groups.get(k) ?? { value, profiles: [] };
    group.profiles.push(p.name);
    groups.set(k, group);
  }
  const values = [...groups.values()];
  if (values.length === 0) return { kind: 'none' };
  if (values.length === 1) return { kind: 'agreed', value: values[0]!.value, from: values[0]!.profiles };
  return { kind: 'differ', values };
}

export const agreedRole = (profiles: readonly Profile[]): Agreed<string> => agreed(profiles, (p) => p.podExecutionRoleArn, (v) => v);

/** Subnets compare as sets: the same subnets in another order agree. */
export const agreedSubnets = (profiles: readonly Profile[]): Agreed<string[]> =>
  agreed(
    profiles,
    (p) => (p.subnets.length === 0 ? null : [...p.subnets].sort()),
    (v) => v.join(','),
  );

/** "fp-a, fp-b: x; fp-c: y" for the line that says they differ. */
export function differText<T>(values: { value: T; profiles: string[] }[], show: (v: T) => string): string {
  return values.map((v) => `${v.profiles.join(', ')}: ${show(v.value)}`).join('; ');
}
