// The reschedule plan as the TUI shows it: permission refusals folded in, and the lines of the
// confirmation dialog (pod, method, from -> to, warnings). Pure, so it is tested without ink.
import { METHOD_WIDTH, methodWord, moveText, planTitle } from '../../view-model/words/reschedule.js';
import type { PodPermissions, RescheduleStep } from '../tui-actions.js';

const scopeName = (p: PodPermissions): string => (p.namespace === null ? 'all namespaces' : p.namespace);

/**
 * What is missing for one way of moving a pod: eviction for controller pods, delete + create for
 * bare ones, patching the workload (`workloadKind`) for a rollout restart.
 */
export function missingPermissions(permissions: PodPermissions, method: 'evict' | 'recreate' | 'restart', workloadKind?: string): string[] {
  if (permissions.error !== undefined) return [permissions.error];
  if (method === 'restart') {
    const kind = workloadKind === 'StatefulSet' ? 'StatefulSet' : 'Deployment';
    return permissions.canRestart?.[kind] === true ? [] : [`patch ${kind === 'StatefulSet' ? 'statefulsets' : 'deployments'}.apps in ${scopeName(permissions)}`];
  }
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
    const missing = permissions ? missingPermissions(permissions, step.method, step.workload?.kind) : ['permissions not checked yet'];
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

/** Cut `text` to `width` columns, with an ellipsis when cut. */
export const truncate = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`);

/**
 * The dialog's body: one line per pod (pod, method, from -> to), its warnings under it with
 * `!`, refusals with their reason. When that does not fit in `maxLines`, every pod gets one line
 * (pod names first: the user must see what is acted on), and what still does not fit is counted
 * ("… and 7 more").
 */
export function planDialog(steps: readonly RescheduleStep[], options: { width: number; maxLines: number; backupDir?: string }): PlanDialog {
  const actionable = steps.filter((s) => s.method !== 'refuse').length;
  const refused = steps.length - actionable;
  const width = Math.max(1, options.width);
  const maxLines = Math.max(1, options.maxLines);
  const podWidth = Math.min(40, steps.reduce((width, s) => Math.max(width, s.key.length), 3));
  const rest = (step: RescheduleStep) => (step.method === 'refuse' ? step.reason : moveText(step.from, step.to));
  const all: string[] = [];
  for (const step of steps) {
    const head = `${step.key.padEnd(podWidth)}  ${methodWord(step.method).text.padEnd(METHOD_WIDTH)}  `;
    all.push(...wrapText(head + rest(step), width, ' '.repeat(Math.min(podWidth + METHOD_WIDTH + 4, Math.floor(width / 2)))));
    for (const warning of step.warnings) all.push(...wrapText(`  ! ${warning}`, width, '    '));
  }
  if (options.backupDir && steps.some((s) => s.method === 'recreate')) {
    all.push(...wrapText(`Bare pods are backed up to ${options.backupDir} before the delete.`, width, '  '));
  }
  let lines = all;
  if (all.length > maxLines) {
    const compact = steps.map((step) => truncate(`${step.key}  ${methodWord(step.method).text}  ${rest(step)}`, width));
    if (compact.length <= maxLines) {
      lines = compact.length < maxLines ? [...compact, truncate('(a larger terminal shows the details and warnings)', width)] : compact;
    } else if (maxLines === 1) {
      const more = ` and ${steps.length - 1} more`;
      lines = [truncate(`${truncate(steps[0]?.key ?? '', Math.max(1, width - more.length))}${more}`, width)];
    } else {
      const keep = maxLines - 1;
      lines = [...compact.slice(0, keep), truncate(`… and ${steps.length - keep} more (${steps.length} pods in the plan)`, width)];
    }
  }
  return { title: planTitle(steps), lines, actionable, refused };
}
