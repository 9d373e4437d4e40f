import type { UIState } from '../app/contexts.js';
import { seg, wrapLines, type Line } from '../components/lines.js';
import { bindingsFor, HELP_SECTIONS, isInputKind, keyLabels } from '../keymap.js';
import { COMMANDS, commandUsage } from '../state/commands.js';
import { topScreen } from '../state/navigation.js';
import { toneStyle } from '../theme.js';
import { verdictWord } from '../../view-model/words/pod.js';
import type { Verdict } from '../../domain/types.js';
import { podDetailLines } from './pod-detail-lines.js';
import { missingPermissions } from '../state/reschedule-plan.js';
import type { PodView } from '../../view-model/cluster-view.js';

// Wrapped lines of the text screens, memoised so the key handler (which needs the line count
// to scroll) and the renderer share one computation.

let lastDetail: { key: string; view: unknown; width: number; theme: unknown; minute: number; access: unknown; lines: Line[] } | null = null;

export function detailLinesFor(state: UIState, podKey: string): Line[] {
  const width = state.layout.columns;
  // Ages in the detail only need minute precision; do not rebuild every tick.
  const minute = Math.floor(state.now / 60_000);
  if (lastDetail && lastDetail.key === podKey && lastDetail.view === state.view && lastDetail.width === width && lastDetail.theme === state.theme && lastDetail.minute === minute && lastDetail.access === state.reschedule) {
    return lastDetail.lines;
  }
  const row = state.view.pods.find((p) => p.key === podKey);
  const raw: Line[] = row
    ? [...podDetailLines({ row, view: state.view, theme: state.theme, now: state.now }), ...rescheduleLines(state, row)]
    : [[seg(`Pod ${podKey} is gone (deleted or re-created under a new name). Press esc to go back.`, state.theme.status.warn)]];
  const lines = wrapLines(raw, width);
  lastDetail = { key: podKey, view: state.view, width, theme: state.theme, minute, access: state.reschedule, lines };
  return lines;
}

/** Whether `r` works on this pod, and if not, which permission is missing. */
function rescheduleLines(state: UIState, row: PodView): Line[] {
  const t = state.theme;
  const lines: Line[] = [[], [seg('Reschedule', t.text.title)]];
  if (state.readOnly) return [...lines, [seg('  --read-only: the reschedule keys are off', t.text.secondary)]];
  if (!state.reschedule.offered) return [];
  const permissions = state.reschedule.permissions.get(row.pod.namespace);
  if (!permissions) return [...lines, [seg('  checking permissions…', t.text.secondary)]];
  const method = row.pod.owner === null ? 'recreate' : 'evict';
  const missing = missingPermissions(permissions, method);
  if (missing.length > 0) {
    lines.push([seg('  ✗ not allowed: ', t.verdict.blocked), seg(`missing permission ${missing.join(', ')}`)]);
    lines.push([seg(`  (${method === 'evict' ? 'a pod with a controller is evicted' : 'a bare pod is deleted and re-created'}; the r key is not bound)`, t.text.secondary)]);
    return lines;
  }
  const how = method === 'evict' ? `evict it (its ${row.pod.owner?.kind ?? 'controller'} re-creates it; PodDisruptionBudgets apply)` : 're-create it from a backup (bare pod: backup, delete, create)';
  lines.push([seg('  r ', t.key), seg(how)]);
  if (row.placement.needsReschedule !== true) lines.push([seg('  it does not need a reschedule now: the plan would refuse it', t.text.secondary)]);
  return lines;
}

export function helpLinesFor(state: UIState): Line[] {
  const t = state.theme;
  const below = state.nav.stack[state.nav.stack.length - 2] ?? topScreen(state.nav);
  const screen = below.kind === 'help' ? 'pods' : below.kind;
  // The screen's own keys, then the keys of the prompts and dialogs that can open over it.
  const bindings = [...bindingsFor(state.bindings, screen), ...state.bindings.filter((b) => b.screens.some(isInputKind))];
  const lines: Line[] = [[seg(`Keys for the ${screen} view`, t.text.title), seg(state.readOnly ? '  (read-only: no destructive keys)' : '', t.text.secondary)]];
  for (const section of HELP_SECTIONS) {
    const inSection = bindings.filter((b) => b.section === section);
    if (inSection.length === 0) continue;
    lines.push([], [seg(section.toUpperCase(), t.text.header)]);
    for (const b of inSection) {
      lines.push([seg(`  ${keyLabels(b).padEnd(16)}`, t.key), seg(b.description), seg(b.destructive ? '  (asks first)' : '', t.status.warn)]);
    }
  }
  lines.push([], [seg('COMMANDS (after :)', t.text.header)]);
  for (const command of COMMANDS) {
    const aliases = command.names.slice(1).map((n) => `:${n}`).join(' ');
    lines.push([seg(`  ${commandUsage(command).padEnd(24)}`, t.key), seg(command.description), seg(aliases ? `  (also ${aliases})` : '', t.text.secondary)]);
  }
  lines.push([], [seg('FILTER', t.text.header)]);
  lines.push([seg('  /web        ', t.key), seg('name contains "web"')]);
  lines.push([seg('  /!web       ', t.key), seg('name does not contain "web"')]);
  lines.push([seg('  /-l app=web ', t.key), seg('labels (key=value, key!=value, key, !key; comma = and)')]);
  lines.push([], [seg('VERDICTS', t.text.header)]);
  const legend: Record<Verdict, string> = {
    ok: 'runs where EKS would put it now',
    reschedule: 're-creating the pod would move it (to Fargate, to EC2, or to another profile)',
    blocked: 'headed for Fargate but something keeps it off (see the detail)',
    pending: 'not on a node yet',
    completed: 'finished (Succeeded/Failed)',
    unknown: 'Fargate profiles could not be read',
  };
  for (const [verdict, text] of Object.entries(legend) as [Verdict, string][]) {
    const word = verdictWord(verdict);
    lines.push([seg(`  ${word.text.padEnd(12)}`, toneStyle(t, word.tone)), seg(text)]);
  }
  return wrapLines(lines, state.layout.columns);
}
