import type { UIState } from '../app/contexts.js';
import { seg, wrapLines, type Line } from '../components/lines.js';
import type { Screen } from '../state/screen.js';

/** The export's text as the screen's lines, wrapped to the terminal. */
export const exportLines = (state: UIState, screen: Extract<Screen, { kind: 'export' }>): Line[] =>
  wrapLines(screen.text.replace(/\n+$/, '').split('\n').map((line) => [seg(line)]), state.layout.columns);
