import { Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { bindingsFor, type Binding } from '../keymap.js';
import { topScreen } from '../state/navigation.js';

/** Kept when the footer is too narrow; the rest are dropped from the right (all are in `?`). */
const ESSENTIAL = new Set<Binding['command']>(['view.back', 'help.toggle', 'app.quit']);

const width = (items: readonly Binding[]) => items.reduce((sum, b, i) => sum + (i > 0 ? 2 : 0) + (b.keys[0]?.label.length ?? 0) + 1 + (b.footer?.length ?? 0), 0);

/** One line of the most useful keys for this screen, drawn from the keymap. */
export function Footer() {
  const { nav, bindings, theme: t, layout, quitting } = useUIState();
  if (quitting) return <Text {...t.text.secondary}>quitting after the pod in flight…</Text>;
  if (nav.modal) return <Text {...t.text.secondary}>{nav.modal.kind === 'typed-confirm' ? 'type the name, enter confirm, esc cancel' : 'y/enter confirm  n/esc cancel'}</Text>;
  if (nav.filterDraft !== null) return <Text {...t.text.secondary}>enter apply  esc cancel  (!x inverse, -l key=value labels)</Text>;
  const shown = bindingsFor(bindings, topScreen(nav).kind).filter((b) => b.footer);
  while (width(shown) > layout.columns) {
    const drop = shown.findLastIndex((b) => !ESSENTIAL.has(b.command));
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  return (
    <Text wrap="truncate">
      {shown.map((b, i) => (
        <Text key={b.command}>
          {i > 0 ? '  ' : ''}
          <Text {...t.key}>{b.keys[0]?.label}</Text>
          <Text {...t.text.secondary}> {b.footer}</Text>
        </Text>
      ))}
    </Text>
  );
}
