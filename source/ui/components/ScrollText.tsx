import { Box, Text } from 'ink';
import type { Line } from './lines.js';

export interface ScrollTextProps {
  lines: readonly Line[];
  /** First line shown (clamped). */
  scroll: number;
  height: number;
  width: number;
}

/** Shows `height` lines starting at `scroll`; only those lines are rendered. */
export function ScrollText({ lines, scroll, height, width }: ScrollTextProps) {
  const top = Math.max(0, Math.min(scroll, lines.length - height));
  const visible = lines.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {visible.map((line, i) => (
        <Text key={top + i} wrap="truncate">
          {line.length === 0
            ? ' '
            : line.map((s, j) =>
                s.style ? (
                  <Text key={j} {...s.style}>
                    {s.text}
                  </Text>
                ) : (
                  s.text
                ),
              )}
        </Text>
      ))}
    </Box>
  );
}
