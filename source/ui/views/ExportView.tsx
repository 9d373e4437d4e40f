import { useUIState } from '../app/contexts.js';
import { ScrollText } from '../components/ScrollText.js';
import type { Screen } from '../state/screen.js';
import { exportLines } from './export-lines.js';

/** `e`: the profile in the form teams keep in git (tab: the next form). */
export function ExportView({ screen }: { screen: Extract<Screen, { kind: 'export' }> }) {
  const state = useUIState();
  return <ScrollText lines={exportLines(state, screen)} scroll={screen.scroll} height={state.layout.bodyHeight} width={state.layout.columns} />;
}
