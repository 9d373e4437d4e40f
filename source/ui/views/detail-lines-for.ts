import type { UIState } from '../app/contexts.js';
import { seg, wrapLines, type Line } from '../components/lines.js';
import { bindingsFor, HELP_SECTIONS, isInputKind, keyLabels } from '../keymap.js';
import { COMMANDS, commandUsage } from '../state/commands.js';
import { topScreen, type Screen } from '../state/navigation.js';
import { toneStyle } from '../theme.js';
import { verdictWord } from '../../view-model/words/pod.js';
import type { Verdict } from '../../domain/types.js';
import { docLines } from './doc-lines.js';
import { podDetailLines } from './pod-detail-lines.js';
import { progressLines } from './progress-lines.js';
import { missingPermissions } from '../state/reschedule-plan.js';
import type { PodView } from '../../view-model/cluster-view.js';

// The wrapped lines of the text screens (pod detail, help, reschedule progress). The key handler
// needs their count to scroll and the renderer draws them: one TextLines per App remembers the
// last answer, so both share one computation and two Apps (tests) never share a cache.

export interface TextLines {
  detail(state: UIState, podKey: string): Line[];
  help(state: UIState): Line[];
  progress(state: UIState): Line[];
  /** The YAML, describe or log screen on top. */
  doc(state: UIState): Line[];
}

/** Remember the last answer while `inputs` stay the same (compared element by element). */
function memoLast<A extends unknown[]>(compute: (state: UIState, ...args: A) => Line[], inputs: (state: UIState, ...args: A) => readonly unknown[]) {
  let last: { inputs: readonly unknown[]; lines: Line[] } | null = null;
  return (state: UIState, ...args: A): Line[] => {
    const now = inputs(state, ...args);
    if (last && last.inputs.length === now.length && last.inputs.every((v, i) => v === now[i])) return last.lines;
    const lines = compute(state, ...args);
    last = { inputs: now, lines };
    return lines;
  };
}

export function createTextLines(): TextLines {
  return {
    // Ages in the detail only need minute precision: not rebuilt every tick.
    detail: memoLast(detailLines, (s, podKey: string) => [podKey, s.view, s.layout.columns, s.theme, Math.floor(s.now / 60_000), s.reschedule]),
    help: helpLines,
    progress: memoLast(runLines, (s) => [s.run, s.layout.columns, s.theme]),
    doc: memoLast(podDocLines, (s) => [topScreen(s.nav).kind, s.doc, s.layout.columns, s.theme, Math.floor(s.now / 60_000)]),
  };
}

function podDocLines(state: UIState): Line[] {
  const kind = topScreen(state.nav).kind;
  if (kind !== 'yaml' && kind !== 'describe' && kind !== 'logs') return [];
  return wrapLines(docLines(kind, state.doc, state.theme, state.now), state.layout.columns);
}

export const detailLinesFor = (state: UIState, podKey: string): Line[] => state.textLines.detail(state, podKey);
export const helpLinesFor = (state: UIState): Line[] => state.textLines.help(state);
export const progressLinesFor = (state: UIState): Line[] => state.textLines.progress(state);
export const docLinesFor = (state: UIState): Line[] => state.textLines.doc(state);

export function detailLines(state: UIState, podKey: string): Line[] {
  const row = state.view.pods.find((p) => p.key === podKey);
  const raw: Line[] = row
    ? [...podDetailLines({ row, view: state.view, theme: state.theme, now: state.now }), ...rescheduleLines(state, row)]
    : [[seg(`Pod ${podKey} is gone (deleted or re-created under a new name). Press esc to go back.`, state.theme.status.warn)]];
  return wrapLines(raw, state.layout.columns);
}

const runLines = (state: UIState): Line[] => progressLines(state.run, state.theme, state.layout.columns);

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

/** How help names the screen it is about. */
const SCREEN_NAMES: Record<Screen['kind'], string> = {
  namespaces: 'namespaces view',
  pods: 'pods view',
  profiles: 'profiles view',
  profile: "profile's pods",
  contexts: 'contexts view',
  detail: 'pod detail',
  yaml: 'pod YAML',
  describe: 'pod description',
  export: 'profile export',
  logs: 'pod log',
  help: 'help',
  progress: 'reschedule progress',
};

export function helpLines(state: UIState): Line[] {
  const t = state.theme;
  const below = state.nav.stack[state.nav.stack.length - 2] ?? topScreen(state.nav);
  const screen = below.kind === 'help' ? 'pods' : below.kind;
  const name = SCREEN_NAMES[screen];
  // The screen's own keys, then the keys of the prompts and dialogs that can open over it.
  const bindings = [...new Set([...bindingsFor(state.bindings, screen), ...state.bindings.filter((b) => b.screens.some(isInputKind))])];
  const lines: Line[] = [[seg(`Keys for the ${name}`, t.text.title), seg(state.readOnly ? '  (read-only: no destructive keys)' : '', t.text.secondary)]];
  for (const section of HELP_SECTIONS) {
    const inSection = bindings.filter((b) => b.section === section);
    if (inSection.length === 0) continue;
    lines.push([], [seg(section.toUpperCase(), t.text.header)]);
    for (const b of inSection) {
      lines.push([seg(`  ${keyLabels(b).padEnd(16)}`, t.key), seg(b.description), seg(b.destructive ? '  (asks first)' : '', t.status.warn)]);
    }
  }
  const bound = (command: string) => bindings.some((b) => b.command === command);
  if (bound('prompt.open')) {
    lines.push([], [seg('COMMANDS (after :)', t.text.header)]);
    for (const command of COMMANDS) {
      const aliases = command.names.slice(1).map((n) => `:${n}`).join(' ');
      lines.push([seg(`  ${commandUsage(command).padEnd(24)}`, t.key), seg(command.description), seg(aliases ? `  (also ${aliases})` : '', t.text.secondary)]);
    }
  }
  // Only where `/` works: the filter's language is no use on a screen without one.
  if (bound('filter.start')) {
    lines.push([], [seg('FILTER', t.text.header)]);
    lines.push([seg('  /web        ', t.key), seg('a column matches the regular expression web (any case): name, status, verdict, profiles, reason')]);
    lines.push([seg('  /^api-.*-0$ ', t.key), seg('a regular expression; one that is not valid is matched as plain text')]);
    lines.push([seg('  /!web       ', t.key), seg('no column matches web')]);
    lines.push([seg('  /-l app=web ', t.key), seg('labels (key=value, key!=value, key, !key; comma = and)')]);
  }
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
