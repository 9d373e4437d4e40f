import { Box, Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { dialogWidth, layoutDialog } from '../state/dialog-layout.js';

/**
 * The confirmation before anything destructive, showing the plan (pod, method, from -> to,
 * warnings); bulk actions need the namespace typed exactly. Laid out for the body's size: the
 * answer line and the pod names stay visible down to 40x10.
 */
export function ConfirmDialog() {
  const { nav, theme: t, layout } = useUIState();
  const modal = nav.modal;
  if (!modal) return null;
  const d = layoutDialog(modal, layout.columns, layout.bodyHeight);
  return (
    <Box flexDirection="column" {...(d.border ? { borderStyle: 'round' as const } : {})} paddingX={1} width={dialogWidth(layout.columns)} height={layout.bodyHeight} overflow="hidden">
      {d.title.map((line, i) => (
        <Text key={`t${i}`} wrap="truncate" {...t.status.warn}>
          {line}
        </Text>
      ))}
      {d.strategy.map((line, i) => (
        <Text key={`s${i}`} wrap="truncate">
          {line}
        </Text>
      ))}
      {d.plan.map((line, i) => (
        <Text key={`p${i}`} wrap="truncate" {...(/^\s+!/.test(line) ? t.status.warn : /^\S+\s+refused\s/.test(line) ? t.text.secondary : {})}>
          {line}
        </Text>
      ))}
      {d.gap ? <Text> </Text> : null}
      {d.instruction.map((line, i) => (
        <Text key={`i${i}`} wrap="truncate" {...(d.hinted ? t.status.error : {})}>
          {line}
        </Text>
      ))}
      {d.input === null ? null : (
        <Text wrap="truncate">
          {d.input}
          <Text inverse> </Text>
        </Text>
      )}
    </Box>
  );
}
