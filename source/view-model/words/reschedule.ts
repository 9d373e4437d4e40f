import type { Destination, Method, Outcome, Where } from '../../domain/move.js';
import { differenceText, type SpecDifference } from '../../domain/recreate-diff.js';
import type { ManifestSource } from '../../domain/recreate.js';
import type { Tone, Word } from './tones.js';

// The words of a reschedule, for the CLI (plan table, prompt, results, --dry-run) and the TUI
// (confirmation dialog, progress view): how each pod is moved, from where to where, how it
// ended. --json keeps the machine values (method "recreate", outcome "succeeded").

const METHOD: Record<Method, string> = { evict: 'evict', recreate: 're-create', restart: 'restart', refuse: 'refused' };

export const methodWord = (method: Method): Word => ({ text: METHOD[method] });
/** The widest method word, for columns of plan lines. */
export const METHOD_WIDTH = Math.max(...Object.values(METHOD).map((w) => w.length));

/** "Fargate (fp-test)", "EC2", "Pending (fp-test)". */
export function whereText(where: Pick<Where, 'runsOn' | 'profile'>): string {
  if (where.runsOn === 'fargate') return where.profile === null ? 'Fargate' : `Fargate (${where.profile})`;
  if (where.runsOn === 'ec2') return 'EC2';
  return where.profile === null ? 'Pending' : `Pending (${where.profile})`;
}

/** Where EKS would put it: "Fargate (fp-test)" or "EC2". */
export const destinationText = (to: Destination): string => (to.runsOn === 'fargate' ? `Fargate (${to.profile})` : 'EC2');

/** "EC2 -> Fargate (fp-test)": a planned pod's move (and --json's reason for it). */
export const moveText = (from: Pick<Where, 'runsOn' | 'profile'>, to: Destination): string => `${whereText(from)} -> ${destinationText(to)}`;

/** ctrl-r and `reschedule --all` when no pod in scope drifted. */
export const nothingToRescheduleIn = (namespace: string | null): string => (namespace === null ? 'No pod needs a reschedule.' : `No pod in ${namespace} needs a reschedule.`);

/** "3 pods", "1 pod". */
export const countText = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The question before a run: "Reschedule test/test?", "Reschedule 3 pods? (1 refused)"; null when every pod is refused. */
export function planTitle(steps: ReadonlyArray<{ key: string; method: Method }>): string | null {
  const actionable = steps.filter((s) => s.method !== 'refuse');
  if (actionable.length === 0) return null;
  const refused = steps.length - actionable.length;
  return `Reschedule ${actionable.length === 1 ? actionable[0]!.key : countText(actionable.length, 'pod')}?${refused > 0 ? ` (${refused} refused)` : ''}`;
}

const OUTCOME: Record<Outcome, { glyph: string; tone: Tone }> = {
  succeeded: { glyph: '✓', tone: 'status.ok' },
  failed: { glyph: '✗', tone: 'status.error' },
  blocked: { glyph: '!', tone: 'status.error' },
  refused: { glyph: '-', tone: 'status.warn' },
  interrupted: { glyph: '‖', tone: 'status.warn' },
};

/** How a pod of the run ended: --json's word, coloured by how bad it is. */
export const outcomeWord = (outcome: Outcome): Word => ({ text: outcome, tone: OUTCOME[outcome].tone });
/** A one-character mark for scanning a long run. */
export const outcomeGlyph = (outcome: Outcome): string => OUTCOME[outcome].glyph;

/** "dry run (server)": said first in every result and line of a dry run. */
export const dryRunText = (mode: 'client' | 'server'): string => `dry run (${mode})`;

/** The plan table's NOTE for a bare pod: which manifest it is re-created from. Empty until the pod was read. */
export function manifestSourceText(step: { manifestSource?: ManifestSource; lastAppliedDiff?: SpecDifference[] | null }): string {
  if (step.manifestSource === undefined) return '';
  const n = step.lastAppliedDiff?.length ?? 0;
  const from = step.manifestSource === 'live' ? 'from live' : 'from last-applied';
  return n === 0 ? from : `${from}; last-applied differs (${countText(n, 'field')})`;
}

/** The same as one sentence, for the plan's warnings and the backup's header; null when there is nothing to say. */
export function manifestSourceNote(m: { source: ManifestSource; differences: SpecDifference[] | null }, from: ManifestSource): string | null {
  const diffs = m.differences ?? [];
  const list = diffs.map(differenceText).join('; ');
  if (from === 'last-applied' && m.source === 'live') return 'it has no last-applied-configuration: re-created from the live pod';
  if (m.source === 'last-applied') {
    return diffs.length === 0
      ? 're-created from its last-applied-configuration (the same as the live pod)'
      : `re-created from its last-applied-configuration, so these live changes are lost: ${list}`;
  }
  if (diffs.length === 0) return null;
  return `re-created from the live pod; its last-applied-configuration differs: ${list} (--from last-applied re-creates that instead)`;
}
