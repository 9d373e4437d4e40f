// Which profile the Fargate webhook picks for a pod at CREATE time (spec §1.3a): ACTIVE
// profiles whose selectors match (domain matcher: globs, ANDed labels, ORed selectors), narrowed
// to the pinned profile when the pod carries the profile label, then the alphabetically first.
import { profileMatches } from '../../domain/matching.js';
import { PROFILE_LABEL } from '../../domain/types.js';
import type { SimProfile } from './profiles.js';

export function pickProfile(pod: { namespace: string; labels: Record<string, string> }, profiles: readonly SimProfile[]): SimProfile | null {
  let cands = profiles.filter((p) => p.status === 'ACTIVE' && profileMatches(p, pod).matched);
  const pin = pod.labels[PROFILE_LABEL];
  if (pin !== undefined && pin !== '') cands = cands.filter((p) => p.name === pin);
  // Plain code-unit order, EKS's "alphanumeric" sort.
  cands.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return cands[0] ?? null;
}
