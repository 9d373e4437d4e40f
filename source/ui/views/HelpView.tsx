import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { Screen } from '../state/navigation.js';
import { helpLinesFor } from './detail-lines-for.js';

/** `?`: drawn from the active keymap, so it lists exactly the keys that work on the screen below. */
export function HelpView({ screen }: { screen: Extract<Screen, { kind: 'help' }> }) {
  const state = useUIState();
  return <ScrollText lines={helpLinesFor(state)} scroll={screen.scroll} height={state.layout.bodyHeight} width={state.layout.columns} />;
}
