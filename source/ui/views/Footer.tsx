import { Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { bindingsFor } from '../keymap.js';
import { topScreen } from '../state/navigation.js';

/** One line of the most useful keys for this screen, drawn from the keymap. */
export function Footer() {
  const { nav, bindings, theme: t } = useUIState();
  if (nav.modal) return <Text {...t.text.secondary}>{nav.modal.kind === 'typed-confirm' ? 'type the name, enter confirm, esc cancel' : 'y/enter confirm  n/esc cancel'}</Text>;
  if (nav.filterDraft !== null) return <Text {...t.text.secondary}>enter apply  esc cancel  (!x inverse, -l key=value labels)</Text>;
  const shown = bindingsFor(bindings, topScreen(nav).kind).filter((b) => b.footer);
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
