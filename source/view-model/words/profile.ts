import type { PodView } from '../../domain/pod-view.js';
import type { Selector } from '../../domain/types.js';
import type { Word } from './tones.js';

// The words of a Fargate profile's facts and changes: a selector as the profiles view, the pod
// detail and the CLI write it; how a pod stands to one profile (the profile's own pod list); where
// a pod would go, and what deleting a profile does to it (what-if, plans, dialogs).

/** "test {app=web,tier=db}", or just the namespace pattern when the selector has no labels. */
export function selectorText(selector: Selector): string {
  const labels = Object.entries(selector.labels ?? {});
  return labels.length ? `${selector.namespace} {${labels.map(([k, v]) => `${k}=${v}`).join(',')}}` : selector.namespace;
}

export const selectorsWords = (selectors: readonly Selector[]): string => selectors.map(selectorText).join('; ');

/** Where a pod would go when (re-)created: "Fargate (fp-a)", "EC2", or Pending when there is no EC2 node. */
export function nextPlaceText(profile: string | null, ec2Nodes: boolean): string {
  if (profile !== null) return `Fargate (${profile})`;
  return ec2Nodes ? 'EC2' : 'Pending (no EC2 node)';
}

/** What EKS does to one pod of a deleted profile. */
export function stoppedFateText(fate: { bare: boolean; next: string | null }, ec2Nodes: boolean): string {
  if (fate.bare) return `stopped and lost: a bare pod (backed up first; a restore puts it on ${nextPlaceText(fate.next, ec2Nodes)})`;
  return `stopped; its controller replaces it on ${nextPlaceText(fate.next, ec2Nodes)}`;
}

/** "Create Fargate profile fp-a?" — the question before a write (CLI prompt and TUI dialog). */
export const createQuestion = (name: string): string => `Create Fargate profile ${name}?`;
export const replaceQuestion = (old: string, name: string): string => `Replace Fargate profile ${old} by ${name}?`;
/** Deleting asks for the name to be typed. */
export const deletePrompt = (name: string): string => `Type the profile name (${name}) to delete it: `;

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
