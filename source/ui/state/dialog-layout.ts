// The confirmation dialog laid out for the space it has, pure so every terminal size is tested
// without ink. What must always be seen comes first: how to confirm or cancel, then the pods
// acted on (at least one name and the count), then the title, then details and warnings.
import { countText, planTitle } from '../../view-model/words/reschedule.js';
import { recycleTitle, strategyLine } from '../../view-model/words/upgrade.js';
import { deletePrompt } from '../../view-model/words/profile.js';
import type { Modal } from './navigation.js';
import { choosesStrategy, nextStrategy, strategyOf } from './plan-strategy.js';
import { planDialog, truncate, wrapText } from './reschedule-plan.js';

/** Wide enough for "namespace/pod  method  from -> to" without truncating. */
export const dialogWidth = (columns: number): number => Math.min(columns, 110);

/** Below this body height the border (2 lines) costs more than it gives. */
const BORDER_MIN_HEIGHT = 10;

export interface DialogLayout {
  border: boolean;
  /** Columns for text inside (border and padding taken off). */
  width: number;
  title: string[];
  /** `U`: the strategy the plan was made with (tab changes it); empty for other dialogs or no room. */
  strategy: string[];
  plan: string[];
  /** A blank line between the plan and the controls. */
  gap: boolean;
  /** How to confirm or cancel; when the last key did nothing, why (in place of the usual line). */
  instruction: string[];
  /** The instruction is a hint about an ignored key (drawn in the error colour). */
  hinted: boolean;
  /** Typed confirmation: the input line ("> tes"); null for y/n dialogs. */
  input: string | null;
}

export function dialogTitle(modal: Modal): string {
  if (modal.profile) return modal.profile.preview.title;
  const actionable = modal.steps.filter((s) => s.method !== 'refuse').length;
  const refused = modal.steps.length - actionable;
  const tail = refused > 0 ? ` (${refused} refused)` : '';
  // A plan that recycles pods for the upgrade (`U`) says so: they may need no reschedule for placement.
  if (modal.kind === 'typed-confirm' && modal.steps.some((s) => s.upgrade !== undefined)) return `${recycleTitle(actionable, modal.expected)}${tail}`;
  if (modal.kind === 'typed-confirm') return `Reschedule all ${countText(actionable, 'pod')} needing it in ${modal.expected}?${tail}`;
  return planTitle(modal.steps) ?? 'Nothing to reschedule';
}

/** How to answer, long and short (the short one when the long one would wrap). */
const CONFIRM_INSTRUCTION = ['y confirm · n/esc cancel (enter does not confirm)', 'y confirm · n/esc cancel'] as const;
const typedInstruction = (expected: string) => [`Type ${expected} to confirm, or press esc to cancel.`, `Type ${expected}, then enter (esc cancels)`] as const;

/** Lay out `modal` in a body of `columns` x `height`. */
export function layoutDialog(modal: Modal, columns: number, height: number): DialogLayout {
  const border = height >= BORDER_MIN_HEIGHT;
  const width = Math.max(8, dialogWidth(columns) - (border ? 4 : 2));
  const inner = Math.max(2, height - (border ? 2 : 0));
  const input = modal.kind === 'typed-confirm' ? truncate(`> ${modal.typed}`, width - 1) : null;
  let free = inner - (input === null ? 0 : 1);

  // 1. How to answer (or why the last key did nothing): always, at least one line.
  const [long, short] =
    modal.kind === 'typed-confirm' && modal.profile ? [`${deletePrompt(modal.expected).trim().replace(/:$/, '')} (esc cancels)`, typedInstruction(modal.expected)[1]]
    : modal.kind === 'typed-confirm' ? typedInstruction(modal.expected)
    : CONFIRM_INSTRUCTION;
  const text = modal.hint ?? (long.length <= width ? long : short);
  const instruction = fitLines(wrapText(text, width, ''), Math.max(1, free - 1), width);
  free -= instruction.length;

  // 1b. The strategy of an upgrade plan, once there is room for a pod line too.
  let strategy: string[] = [];
  if (choosesStrategy(modal) && free >= 2) {
    const shown = strategyOf(modal.options);
    strategy = [truncate(strategyLine(shown, nextStrategy(shown), modal.replanning), width)];
    free -= 1;
  }

  // 2. The pods: at least one line. 3. The title's first line. 4. More pods (up to three), then
  // the rest of the title, then the whole plan and a blank line before the answer.
  const titleAll = wrapText(dialogTitle(modal), width, '  ');
  const body = (maxLines: number): string[] => {
    if (!modal.profile) return planDialog(modal.steps, { width, maxLines, backupDir: modal.backupDir }).lines;
    return fitLines(modal.profile.preview.lines.flatMap((line) => wrapText(line, width, '    ')), maxLines, width);
  };
  const planAll = body(Number.MAX_SAFE_INTEGER);
  let titleLines = free >= 2 ? 1 : 0;
  const planWanted = Math.min(planAll.length, 3);
  titleLines += Math.max(0, Math.min(titleAll.length - titleLines, free - titleLines - planWanted));
  const title = fitLines(titleAll, titleLines, width);
  free -= title.length;
  const gap = planAll.length <= free - 1;
  const plan = body(Math.max(1, gap ? free - 1 : free));
  return { border, width, title, strategy, plan, gap, instruction, hinted: modal.hint !== undefined, input };
}

/** The first `max` lines; the last one kept ends in … when some were dropped. */
function fitLines(lines: readonly string[], max: number, width: number): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, max);
  if (kept.length > 0) kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} …`, width);
  return kept;
}
