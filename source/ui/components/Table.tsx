import { Box, Text } from 'ink';
import { fit } from '../format.js';
import type { Style, Theme } from '../theme.js';

export interface Column<R> {
  id: string;
  header: string;
  /** Fixed width; the flex column takes whatever is left (at least `width`). */
  width: number;
  /** When even the columns kept do not fit, this one may shrink down to this width (default: it does not). */
  minWidth?: number;
  flex?: boolean;
  /** Long names are cut in the middle (start and end kept), so rows stay told apart. */
  cut?: 'end' | 'middle';
  /** After the header: the sort marker (▲/▼). */
  mark?: string;
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

/**
 * Which columns fit, lowest priority dropped first; the flex column gets the rest of the width.
 * When the columns that are always shown still do not fit (a narrow terminal), those with a
 * minWidth give up width, in proportion to what they can spare, so no row runs off the screen.
 */
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
  const over = needed(kept) - width;
  if (over > 0) return shrink(kept, over);
  const spare = Math.max(0, width - needed(kept));
  const flexCount = kept.filter((c) => c.flex).length;
  return kept.map((column) => ({ column, width: column.width + (column.flex && flexCount ? Math.floor(spare / flexCount) : 0) }));
}

function shrink<R>(kept: readonly Column<R>[], over: number): Array<{ column: Column<R>; width: number }> {
  const room = kept.map((c) => Math.max(0, c.width - (c.minWidth ?? c.width)));
  const total = room.reduce((a, b) => a + b, 0);
  const take = Math.min(over, total);
  const cuts = room.map((r) => (total === 0 ? 0 : Math.floor((r * take) / total)));
  // Rounding leaves a few columns over: take them from whoever still has room, widest first.
  let left = take - cuts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < kept.length * 2; i++) {
    const j = i % kept.length;
    if (cuts[j]! < room[j]!) {
      cuts[j]!++;
      left--;
    }
  }
  return kept.map((column, i) => ({ column, width: column.width - cuts[i]! }));
}

/**
 * The layout with `need` columns taken from its flexible columns (NAME, REASON), each giving at
 * most a third of its natural width; null when they cannot spare that much.
 */
function lendFromFlex<R>(layout: Array<{ column: Column<R>; width: number }>, need: number): Array<{ column: Column<R>; width: number }> | null {
  if (need <= 0) return layout;
  let left = need;
  const lent = layout.map((c) => {
    if (!c.column.flex || left <= 0) return c;
    const give = Math.min(left, Math.max(0, c.width - Math.ceil((c.column.width * 2) / 3)));
    left -= give;
    return { ...c, width: c.width - give };
  });
  return left > 0 ? null : lent;
}

/** A header cell: the header cut to leave room for its sort marker, which is always shown. */
function headerCell<R>(column: Column<R>, width: number): string {
  const mark = column.mark ?? '';
  const room = Math.max(0, width - mark.length);
  const text = column.header.length > room ? fit(column.header, room) : column.header;
  return fit(text + mark, width, column.align);
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
  // Where the window is, after the headers: the columns make room for it when they can spare
  // it without dropping a column, else it is left out; it never covers a header.
  const position = total > height ? ` ${offset + 1}-${offset + visible.length}/${total}` : '';
  const full = layoutColumns(columns, width);
  const reserved = position ? layoutColumns(columns, width - position.length) : full;
  const fits = reserved.length === full.length && reserved.every((c, i) => c.width >= Math.min(full[i]!.width, c.column.width));
  const headerOf = (cols: typeof full) => cols.map(({ column, width: w }) => headerCell(column, w)).join(' ');
  const layout = fits ? reserved : position ? (lendFromFlex(full, position.length + 1 - (width - GUTTER - headerOf(full).trimEnd().length)) ?? full) : full;

  const header = headerOf(layout);
  const room = width - GUTTER - header.trimEnd().length;
  const more = position.length + 1 <= room ? position : '';
  return (
    <Box flexDirection="column" height={height + 1} width={width}>
      <Text {...theme.text.header} wrap="truncate">
        {' '.repeat(GUTTER)}
        {header.trimEnd().padEnd(Math.max(0, width - GUTTER - more.length))}
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
                const text = fit(column.cell(row), w, column.align, column.cut) + (c < layout.length - 1 ? ' ' : '');
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
