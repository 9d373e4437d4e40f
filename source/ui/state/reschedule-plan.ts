// The reschedule plan as the TUI shows it: permission refusals folded in, and the lines of the
// confirmation dialog (pod, method, from -> to, warnings). Pure, so it is tested without ink.
import type { Method, PodPermissions, RescheduleStep, Where } from '../tui-actions.js';

export const METHOD_LABEL: Record<Method, string> = { evict: 'evict', recreate: 'recreate', refuse: 'refused' };

export function whereLabel(where: Where): string {
  if (where.runsOn === 'fargate') return where.profile === null ? 'Fargate' : `Fargate (${where.profile})`;
  if (where.runsOn === 'ec2') return 'EC2';
  return where.profile === null ? 'Pending' : `Pending (${where.profile})`;
}

export const toLabel = (to: RescheduleStep['to']): string => (to.runsOn === 'fargate' ? `Fargate (${to.profile})` : 'EC2');

/** "EC2 -> Fargate (fp-test)". */
export const moveLabel = (step: RescheduleStep): string => `${whereLabel(step.from)} -> ${toLabel(step.to)}`;

const scopeName = (p: PodPermissions): string => (p.namespace === null ? 'all namespaces' : p.namespace);

/** What is missing for one way of moving a pod: eviction for controller pods, delete + create for bare ones. */
export function missingPermissions(permissions: PodPermissions, method: 'evict' | 'recreate'): string[] {
  if (permissions.error !== undefined) return [permissions.error];
  if (method === 'evict') return permissions.canEvict ? [] : [`create pods/eviction in ${scopeName(permissions)}`];
  const missing: string[] = [];
  if (!permissions.canDelete) missing.push(`delete pods in ${scopeName(permissions)}`);
  if (!permissions.canCreate) missing.push(`create pods in ${scopeName(permissions)}`);
  return missing;
}

/** May the user reschedule anything here (one of the two methods)? */
export const mayReschedule = (p: PodPermissions): boolean => missingPermissions(p, 'evict').length === 0 || missingPermissions(p, 'recreate').length === 0;

/** Steps the user's permissions do not allow become refusals naming the missing permission (listed last). */
export function withPermissions(steps: readonly RescheduleStep[], permissionsOf: (namespace: string) => PodPermissions | undefined): RescheduleStep[] {
  const checked = steps.map((step): RescheduleStep => {
    if (step.method === 'refuse') return step;
    const permissions = permissionsOf(step.pod.namespace);
    const missing = permissions ? missingPermissions(permissions, step.method) : ['permissions not checked yet'];
    if (missing.length === 0) return step;
    return { ...step, method: 'refuse', reason: `missing permission: ${missing.join(', ')}`, warnings: [] };
  });
  const rank = (s: RescheduleStep) => (s.method === 'refuse' ? 1 : 0);
  return checked.map((step, i) => ({ step, i })).sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i).map(({ step }) => step);
}

export interface PlanDialog {
  /** null when nothing can be done (every pod refused). */
  title: string | null;
  lines: string[];
  actionable: number;
  refused: number;
}

/** Break `text` at spaces into lines of at most `width`, continuation lines indented by `indent`. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  const lead = /^ */.exec(text)![0];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length <= width || line.trim() === '') line = candidate;
    else {
      out.push(line);
      line = `${indent}${word}`;
    }
  }
  if (line.trim() !== '') out.push(line);
  return out;
}

/**
 * The dialog's body: one line per pod (pod, method, from -> to), its warnings under it with
 * `!`, refusals with their reason; cut to `maxLines` with a count of what is not shown.
 */
export function planDialog(steps: readonly RescheduleStep[], options: { width: number; maxLines: number; backupDir?: string }): PlanDialog {
  const actionable = steps.filter((s) => s.method !== 'refuse').length;
  const refused = steps.length - actionable;
  const podWidth = Math.min(40, Math.max(3, ...steps.map((s) => s.key.length)));
  const all: string[] = [];
  for (const step of steps) {
    const head = `${step.key.padEnd(podWidth)}  ${METHOD_LABEL[step.method].padEnd(8)}  `;
    const rest = step.method === 'refuse' ? step.reason : moveLabel(step);
    all.push(...wrapText(head + rest, options.width, ' '.repeat(Math.min(podWidth + 12, Math.floor(options.width / 2)))));
    for (const warning of step.warnings) all.push(...wrapText(`  ! ${warning}`, options.width, '    '));
  }
  if (options.backupDir && steps.some((s) => s.method === 'recreate')) {
    all.push(...wrapText(`Bare pods are backed up to ${options.backupDir} before the delete.`, options.width, '  '));
  }
  let lines = all;
  if (all.length > options.maxLines) {
    const keep = Math.max(1, options.maxLines - 1);
    lines = [...all.slice(0, keep), `… ${all.length - keep} more lines (${steps.length} pods in the plan)`];
  }
  const title = actionable === 0 ? null : `Reschedule ${actionable === 1 ? (steps.find((s) => s.method !== 'refuse')?.key ?? '1 pod') : `${actionable} pods`}?${refused > 0 ? ` (${refused} refused)` : ''}`;
  return { title, lines, actionable, refused };
}
