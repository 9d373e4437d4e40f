// The words of a profile change, for the CLI (what-if, plans, results) and the TUI (the create
// form, the delete dialog): a selector, where a pod would go, what deleting a profile does to it.
import type { Selector } from '../../domain/types.js';

/** "apps {tier=web}": a selector as the profiles view shows it. */
export function selectorWords(selector: Selector): string {
  const labels = Object.entries(selector.labels ?? {});
  return labels.length ? `${selector.namespace} {${labels.map(([k, v]) => `${k}=${v}`).join(',')}}` : selector.namespace;
}

export const selectorsWords = (selectors: readonly Selector[]): string => selectors.map(selectorWords).join('; ');

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
