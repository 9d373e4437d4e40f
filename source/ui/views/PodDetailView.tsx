import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { Screen } from '../state/navigation.js';
import { detailLinesFor } from './detail-lines-for.js';

/** `enter` on a pod: the full explanation, scrollable with the navigation keys. */
export function PodDetailView({ screen }: { screen: Extract<Screen, { kind: 'detail' }> }) {
  const state = useUIState();
  const lines = detailLinesFor(state, screen.podKey);
  return <ScrollText lines={lines} scroll={screen.scroll} height={state.layout.bodyHeight} width={state.layout.columns} />;
}
