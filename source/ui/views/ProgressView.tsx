import type { UIState } from '../app/contexts.js';
import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { Line } from '../components/lines.js';
import { progressLines } from './progress-lines.js';

let last: { run: unknown; width: number; theme: unknown; lines: Line[] } | null = null;

/** Memoised per run snapshot, so the key handler (scrolling) and the renderer share the lines. */
export function progressLinesFor(state: UIState): Line[] {
  const width = state.layout.columns;
  if (last && last.run === state.run && last.width === width && last.theme === state.theme) return last.lines;
  const lines = progressLines(state.run, state.theme, width);
  last = { run: state.run, width, theme: state.theme, lines };
  return lines;
}

/**
 * The reschedule run, pod by pod, live. `esc` leaves it; the run goes on. Until the user scrolls,
 * the view follows the pod in flight, so a long plan never hides what is happening now.
 */
export function ProgressView() {
  const state = useUIState();
  const lines = progressLinesFor(state);
  const height = state.layout.bodyHeight;
  let scroll = state.nav.scroll;
  if (scroll === 0 && state.run && !state.run.finished) {
    const focus = lines.findIndex((line) => line[0]?.text === '▸ ');
    if (focus + 8 > height) scroll = Math.max(0, focus - 2);
  }
  return <ScrollText lines={lines} scroll={scroll} height={height} width={state.layout.columns} />;
}
