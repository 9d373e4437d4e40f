import { Box, Text } from 'ink';
import { useUIState } from '../app/contexts.js';

/** Wide enough for "namespace/pod  method  from -> to" without truncating. */
export const dialogWidth = (columns: number): number => Math.min(columns, 110);

/**
 * The confirmation before anything destructive, showing the plan (pod, method, from -> to,
 * warnings); bulk actions need the namespace typed exactly.
 */
export function ConfirmDialog() {
  const { nav, theme: t, layout } = useUIState();
  const modal = nav.modal;
  if (!modal) return null;
  const width = dialogWidth(layout.columns);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={layout.bodyHeight}>
      <Text {...t.status.warn}>{modal.title}</Text>
      {modal.lines.map((line, i) => (
        <Text key={i} wrap="truncate" {...(/^\s+!/.test(line) ? t.status.warn : /^\S+\s+refused\s/.test(line) ? t.text.secondary : {})}>
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
