import { Box, Text } from 'ink';
import { useUIState } from '../app/contexts.js';

/** The confirmation before anything destructive; bulk actions need the name typed exactly. */
export function ConfirmDialog() {
  const { nav, theme: t, layout } = useUIState();
  const modal = nav.modal;
  if (!modal) return null;
  const width = Math.min(layout.columns, 76);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={layout.bodyHeight}>
      <Text {...t.status.warn}>{modal.title}</Text>
      {modal.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text> </Text>
      {modal.kind === 'typed-confirm' ? (
        <>
          <Text>
            Type <Text {...t.key}>{modal.expected}</Text> to confirm, or press esc to cancel.
          </Text>
          <Text>
            {'> '}
            {modal.typed}
            <Text inverse> </Text>
          </Text>
        </>
      ) : (
        <Text>
          <Text {...t.key}>y</Text> / <Text {...t.key}>enter</Text> confirm · <Text {...t.key}>n</Text> / <Text {...t.key}>esc</Text> cancel
        </Text>
      )}
    </Box>
  );
}
