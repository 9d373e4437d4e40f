import { useWindowSize } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal size, following resizes. Never below a usable minimum so layout math stays positive. */
export function useTerminalSize(): TerminalSize {
  const { columns, rows } = useWindowSize();
  return { columns: Math.max(40, columns), rows: Math.max(10, rows) };
}
