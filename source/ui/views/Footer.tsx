import { Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { bindingsFor, isInputKind, keyLabels, type Binding } from '../keymap.js';
import { focusOf } from '../state/key-routing.js';

/** Kept when the footer is too narrow; the rest are dropped from the right (all are in `?`). */
const ESSENTIAL = new Set<Binding['command']>(['view.back', 'help.toggle', 'app.quit']);

const width = (items: readonly Binding[]) => items.reduce((sum, b, i) => sum + (i > 0 ? 2 : 0) + (b.keys[0]?.label.length ?? 0) + 1 + (b.footer?.length ?? 0), 0);

/** What a text field takes besides its keys. */
const FIELD_NOTE: Record<string, string> = {
  filter: '  (!x inverse, -l key=value labels)',
  'typed-confirm': '  (type the namespace name first)',
};

/** One line of the most useful keys for this screen (or the open prompt or dialog), drawn from the keymap. */
export function Footer() {
  const { nav, bindings, theme: t, layout, quitting } = useUIState();
  if (quitting) return <Text {...t.text.secondary}>quitting after the pod in flight…</Text>;
  const focus = focusOf(nav);
  if (isInputKind(focus)) {
    // Every key that acts here, with all its labels (`n/esc`): nothing else does anything.
    const keys = bindingsFor(bindings, focus).filter((b) => b.footer);
    return (
      <Text wrap="truncate">
        {keys.map((b, i) => (
          <Text key={b.command}>
            {i > 0 ? '  ' : ''}
            <Text {...t.key}>{keyLabels(b)}</Text>
            <Text {...t.text.secondary}> {b.footer}</Text>
          </Text>
        ))}
        <Text {...t.text.secondary}>{FIELD_NOTE[focus] ?? ''}</Text>
      </Text>
    );
  }
  const shown = bindingsFor(bindings, focus).filter((b) => b.footer);
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
