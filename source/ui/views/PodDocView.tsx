import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { PodDocScreen } from '../state/screen.js';
import { docLinesFor } from './detail-lines-for.js';

/** y / d / l: the pod's YAML, its description, or its log (which follows new lines while `tail`). */
export function PodDocView({ screen }: { screen: PodDocScreen }) {
  const state = useUIState();
  const lines = docLinesFor(state);
  const height = state.layout.bodyHeight;
  const scroll = screen.kind === 'logs' && screen.tail ? Math.max(0, lines.length - height) : screen.scroll;
  return <ScrollText lines={lines} scroll={scroll} height={height} width={state.layout.columns} />;
}
