// Which Fargate profile EKS's webhook picks for a pod at CREATE time, written from the EKS user
// guide (fargate-profile.html, spec §1) and NOT from the tool's own rules in source/domain, so
// a test comparing the two can catch the tool being wrong:
//  - a profile selects a pod when ANY of its (up to 5) selectors does;
//  - a selector selects a pod when its namespace matches AND every label pair is on the pod;
//  - `*` stands for any run of characters (none included), `?` for exactly one, anywhere in a
//    namespace, label key or label value; the whole string must match; case counts (Kubernetes
//    names and labels are case-sensitive);
//  - only ACTIVE profiles count; the label eks.amazonaws.com/fargate-profile=NAME keeps only that
//    profile (which must still select the pod); of several, the name that sorts first wins.
import { PROFILE_LABEL } from '../../domain/types.js';
import type { Selector } from '../../domain/types.js';
import type { SimProfile } from './profiles.js';

export interface PodSubject {
  namespace: string;
  labels: Record<string, string>;
}

/**
 * Whole-string wildcard match. `canReach[j]` says whether the pattern read so far can consume
 * exactly the first j characters of the text (one pass per pattern character). Characters are
 * code points, so `?` is one character even outside the BMP.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  const chars = Array.from(text);
  let canReach: boolean[] = chars.map(() => false);
  canReach.unshift(true);
  for (const p of pattern) {
    const next: boolean[] = new Array<boolean>(chars.length + 1).fill(false);
    if (p === '*') {
      let seen = false;
      for (let j = 0; j <= chars.length; j++) {
        seen = seen || canReach[j] === true;
        next[j] = seen;
      }
    } else {
      for (let j = 1; j <= chars.length; j++) next[j] = canReach[j - 1] === true && (p === '?' || p === chars[j - 1]);
    }
    canReach = next;
  }
  return canReach[chars.length] === true;
}

/** A label pair is on the pod when some pod label's key matches the key pattern and its value the value pattern. */
function podHasLabel(pod: PodSubject, keyPattern: string, valuePattern: string): boolean {
  for (const key of Object.keys(pod.labels)) {
    if (wildcardMatch(keyPattern, key) && wildcardMatch(valuePattern, pod.labels[key] ?? '')) return true;
  }
  return false;
}

export function selectorSelects(selector: Selector, pod: PodSubject): boolean {
  if (!wildcardMatch(selector.namespace, pod.namespace)) return false;
  for (const [keyPattern, valuePattern] of Object.entries(selector.labels ?? {})) {
    if (!podHasLabel(pod, keyPattern, valuePattern)) return false;
  }
  return true;
}

export function profileSelects(profile: Pick<SimProfile, 'selectors'>, pod: PodSubject): boolean {
  return profile.selectors.some((s) => selectorSelects(s, pod));
}

/** "Alphanumeric" order of profile names, read as plain byte order of the UTF-8 names. */
export function compareProfileNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function pickProfile(pod: PodSubject, profiles: readonly Pick<SimProfile, 'name' | 'status' | 'selectors'>[]): string | null {
  const pinned = pod.labels[PROFILE_LABEL];
  const candidates = profiles
    .filter((p) => p.status === 'ACTIVE')
    .filter((p) => pinned === undefined || pinned === '' || p.name === pinned)
    .filter((p) => profileSelects(p, pod))
    .map((p) => p.name)
    .sort(compareProfileNames);
  return candidates[0] ?? null;
}
