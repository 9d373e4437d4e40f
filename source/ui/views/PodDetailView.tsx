import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import { detailLinesFor } from './detail-lines-for.js';

/** `enter` on a pod: the full explanation, scrollable with the navigation keys. */
export function PodDetailView({ podKey }: { podKey: string }) {
  const state = useUIState();
  const lines = detailLinesFor(state, podKey);
  return <ScrollText lines={lines} scroll={state.nav.scroll} height={state.layout.bodyHeight} width={state.layout.columns} />;
}
