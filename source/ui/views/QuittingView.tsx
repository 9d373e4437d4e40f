import { Box, Text } from 'ink';
import { useUIState } from '../app/contexts.js';
import { runCounts } from '../state/run-progress.js';

/** q / ctrl-c during a run: what is still being done, until it is safe to exit. */
export function QuittingView() {
  const { run, theme } = useUIState();
  const inFlight = run ? runCounts(run).inFlight : null;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text {...theme.status.warn}>Quitting: finishing the pod in flight{inFlight ? ` (${inFlight})` : ''}...</Text>
      <Text>No other pod is started, and a deleted bare pod is re-created before the exit.</Text>
    </Box>
  );
}
