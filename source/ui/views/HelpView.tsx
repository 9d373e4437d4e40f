import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import { helpLinesFor } from './detail-lines-for.js';

/** `?`: drawn from the active keymap, so it lists exactly the keys that work here. */
export function HelpView() {
  const state = useUIState();
  return <ScrollText lines={helpLinesFor(state)} scroll={state.nav.scroll} height={state.layout.bodyHeight} width={state.layout.columns} />;
}
