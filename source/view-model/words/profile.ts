import type { PodView } from '../../domain/pod-view.js';
import type { Selector } from '../../domain/types.js';
import type { Word } from './tones.js';

// The words of a Fargate profile's facts: a selector as the profiles view and the pod detail
// write it, and how a pod stands to one profile (the profile's own pod list).

/** "test {app=web,tier=db}", or just the namespace pattern when the selector has no labels. */
export function selectorText(selector: Selector): string {
  const labels = Object.entries(selector.labels ?? {});
  return labels.length ? `${selector.namespace} {${labels.map(([k, v]) => `${k}=${v}`).join(',')}}` : selector.namespace;
}

/** The RELATION column of a profile's pods: the header, and the words for each case. */
export const PROFILE_RELATION_HEADER = 'RELATION';

/**
 * How a pod stands to `profile`: running under it and staying ("runs"), running under it but
 * going elsewhere if re-created ("runs, would leave"), or going to it if re-created ("would
 * capture"). Null when neither.
 */
export function profileRelationWord(row: PodView, profile: string): Word | null {
  const runs = row.placement.runsOn === 'fargate' && row.placement.currentProfile === profile;
  const captures = row.placement.expectedProfile === profile && row.placement.verdict !== 'completed';
  if (runs && captures) return { text: 'runs', tone: 'verdict.ok' };
  if (runs) return { text: 'runs, would leave', tone: 'verdict.reschedule' };
  if (captures) return { text: 'would capture', tone: row.placement.needsReschedule ? 'verdict.reschedule' : 'verdict.pending' };
  return null;
}
