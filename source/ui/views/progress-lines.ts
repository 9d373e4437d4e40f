// The progress screen as data: one block per pod of the plan. The pod in flight and every pod
// that did not succeed show their steps; a succeeded pod shows where it landed. Backups and the
// restore hint are always on screen for a pod that was deleted and not brought back.
import { methodWord, moveText, outcomeGlyph, outcomeWord } from '../../view-model/words/reschedule.js';
import type { RescheduleEvent, RescheduleResult } from '../tui-actions.js';
import { seg, wrapLines, type Line } from '../components/lines.js';
import { outcomeText, runCounts, runProgressText, type RunSnapshot } from '../state/run-progress.js';
import { toneStyle, type Theme } from '../theme.js';

export function progressLines(run: RunSnapshot | null, theme: Theme, width: number): Line[] {
  const t = theme;
  if (!run) return [[seg('No reschedule has run in this session.', t.text.secondary)]];
  const counts = runCounts(run);
  const lines: Line[] = [];
  const state = run.finished ? 'finished' : run.cancelling ? 'stopping after the pod in flight' : 'running';
  lines.push([
    seg(`Reschedule: ${runProgressText(run)} · ${state}`, t.text.title),
    seg(counts.done > 0 ? ` · ${outcomeText(counts)}` : '', t.text.secondary),
  ]);
  lines.push([seg(run.finished ? 'esc back' : 'esc back: the run goes on and the status bar keeps the count; w brings this view back', t.text.secondary)]);

  const byPod = new Map<string, RescheduleEvent[]>();
  for (const event of run.events) {
    const list = byPod.get(event.pod);
    if (list) list.push(event);
    else byPod.set(event.pod, [event]);
  }
  const resultOf = new Map(run.results.map((r) => [r.pod, r]));

  run.steps.forEach((step, i) => {
    const result = resultOf.get(step.key);
    const events = byPod.get(step.key) ?? [];
    const inFlight = counts.inFlight === step.key;
    const outcome = result ? outcomeWord(result.outcome) : null;
    const glyph = result ? outcomeGlyph(result.outcome) : inFlight ? '▸' : '·';
    const status = outcome ? outcome.text : inFlight ? 'in progress' : run.finished || run.cancelling ? 'not started' : 'waiting';
    const style = (outcome ? toneStyle(t, outcome.tone) : undefined) ?? (inFlight ? t.text.accent : t.text.secondary);
    lines.push([]);
    lines.push([
      seg(`${glyph} `, style),
      seg(`[${i + 1}/${run.steps.length}] `, t.text.secondary),
      seg(step.key, { ...style, bold: true }),
      seg(`  ${methodWord(step.method).text}  ${step.method === 'refuse' ? '' : moveText(step.from, step.to)}  `),
      seg(status, style),
    ]);
    // Steps: live for the pod in flight; kept for every pod that did not simply succeed.
    if (inFlight || (result && result.outcome !== 'succeeded' && result.outcome !== 'refused')) {
      const final = result ? events.filter((e) => e.step !== FINAL[result.outcome]) : events;
      for (const e of final) lines.push([seg(`    ${e.step.padEnd(16)} `, t.text.secondary), seg(e.message)]);
    }
    if (result) {
      lines.push([seg('    → ', style), seg(result.message, result.outcome === 'succeeded' ? {} : style)]);
      if (result.backupFile) lines.push([seg('    backup  ', t.text.secondary), seg(result.backupFile)]);
      if (result.restoreHint) lines.push([seg('    restore ', t.status.error), seg(result.restoreHint, t.status.warn)]);
    }
  });
  return wrapLines(lines, width);
}

/** The event each outcome ends with (already said by the result line). */
const FINAL: Record<RescheduleResult['outcome'], RescheduleEvent['step']> = {
  succeeded: 'done',
  failed: 'failed',
  blocked: 'blocked',
  refused: 'refused',
  interrupted: 'interrupted',
};
