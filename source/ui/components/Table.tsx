import { Box, Text } from 'ink';
import { fit } from '../format.js';
import type { Style, Theme } from '../theme.js';

export interface Column<R> {
  id: string;
  header: string;
  /** Fixed width; the flex column takes whatever is left (at least `width`). */
  width: number;
  flex?: boolean;
  /** 0 = always shown; higher numbers are dropped first when the terminal is narrow. */
  priority: number;
  align?: 'left' | 'right';
  cell: (row: R) => string;
  style?: (row: R) => Style | undefined;
}

export interface TableProps<R> {
  columns: readonly Column<R>[];
  /** The visible rows only (see useVisibleRows). */
  rows: readonly R[];
  /** Index of rows[0] in the whole list, and the whole list's length. */
  offset: number;
  total: number;
  rowKey: (row: R) => string;
  /** Index of the selected row in the whole list, -1 for none. */
  cursor: number;
  /** Body height in lines (the header is extra). */
  height: number;
  width: number;
  theme: Theme;
  marks?: ReadonlySet<string>;
  changedAt?: ReadonlyMap<string, number>;
  now?: number;
  emptyText?: string;
}

const GAP = 1;
/** Gutter for the marked/changed glyph. */
const GUTTER = 2;
const CHANGE_VISIBLE_MS = 3000;

/** Which columns fit, lowest priority dropped first; the flex column gets the rest of the width. */
export function layoutColumns<R>(columns: readonly Column<R>[], width: number): Array<{ column: Column<R>; width: number }> {
  const kept = [...columns];
  const needed = (cols: readonly Column<R>[]) => cols.reduce((sum, c) => sum + c.width + GAP, GUTTER);
  while (needed(kept) > width && kept.length > 1) {
    let drop = -1;
    kept.forEach((c, i) => {
      if (c.priority > 0 && (drop < 0 || c.priority >= kept[drop]!.priority)) drop = i;
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  const spare = Math.max(0, width - needed(kept));
  const flexCount = kept.filter((c) => c.flex).length;
  return kept.map((column) => ({ column, width: column.width + (column.flex && flexCount ? Math.floor(spare / flexCount) : 0) }));
}

/** The first visible row: moves only as far as needed to keep the cursor on screen (no jumps). */
export function windowStart(previous: number, cursor: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let top = Math.min(previous, total - height);
  if (cursor >= 0 && cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, top);
}

/** A windowed table: it is given only the visible rows, so 10k rows cost the same as 30. */
export function Table<R>(props: TableProps<R>) {
  const { columns, rows: visible, offset, total, rowKey, cursor, height, width, theme, marks, changedAt, now = Date.now() } = props;
  const layout = layoutColumns(columns, width);

  const header = layout.map(({ column, width: w }) => fit(column.header, w, column.align)).join(' ');
  const more = total > height ? ` ${offset + 1}-${offset + visible.length}/${total}` : '';
  return (
    <Box flexDirection="column" height={height + 1} width={width}>
      <Text {...theme.text.header} wrap="truncate">
        {' '.repeat(GUTTER)}
        {header.slice(0, Math.max(0, width - GUTTER - more.length)).padEnd(width - GUTTER - more.length)}
        <Text {...theme.text.secondary}>{more}</Text>
      </Text>
      {visible.length === 0 ? (
        <Text {...theme.text.secondary}>{'  '}{props.emptyText ?? 'Nothing to show.'}</Text>
      ) : (
        visible.map((row, i) => {
          const key = rowKey(row);
          const selected = offset + i === cursor;
          const marked = marks?.has(key) ?? false;
          const changed = changedAt !== undefined && now - (changedAt.get(key) ?? -Infinity) < CHANGE_VISIBLE_MS;
          const gutter = marked ? '✓ ' : changed ? '• ' : '  ';
          const rowStyle: Style = selected ? theme.selection : marked ? theme.marked : {};
          return (
            <Text key={key} wrap="truncate" {...rowStyle}>
              <Text {...(marked ? theme.marked : changed ? theme.changed : {})}>{gutter}</Text>
              {layout.map(({ column, width: w }, c) => {
                const text = fit(column.cell(row), w, column.align) + (c < layout.length - 1 ? ' ' : '');
                const style = selected ? undefined : (column.style?.(row) ?? (changed && column.flex ? theme.changed : undefined));
                return style ? (
                  <Text key={column.id} {...style}>
                    {text}
                  </Text>
                ) : (
                  text
                );
              })}
            </Text>
          );
        })
      )}
    </Box>
  );
}
