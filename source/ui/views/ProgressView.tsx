import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { Screen } from '../state/navigation.js';
import { progressLinesFor } from './detail-lines-for.js';

/**
 * The reschedule run, pod by pod, live. `esc` leaves it; the run goes on. Until the user scrolls,
 * the view follows the pod in flight, so a long plan never hides what is happening now.
 */
export function ProgressView({ screen }: { screen: Extract<Screen, { kind: 'progress' }> }) {
  const state = useUIState();
  const lines = progressLinesFor(state);
  const height = state.layout.bodyHeight;
  let scroll = screen.scroll;
  if (scroll === 0 && state.run && !state.run.finished) {
    const focus = lines.findIndex((line) => line[0]?.text === '▸ ');
    if (focus + 8 > height) scroll = Math.max(0, focus - 2);
  }
  return <ScrollText lines={lines} scroll={scroll} height={height} width={state.layout.columns} />;
}
