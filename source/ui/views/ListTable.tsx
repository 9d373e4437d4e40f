import { useUIState } from '../app/contexts.js';
import type { ListRows } from '../app/list-rows.js';
import { Table, type Column } from '../components/Table.js';
import { useVisibleRows } from '../hooks/useVisibleRows.js';

export interface ListTableProps<R> {
  /** All rows of the list and where the cursor is (list-rows.ts). */
  list: ListRows<R>;
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  emptyText: string;
  marks?: ReadonlySet<string>;
  changedAt?: ReadonlyMap<string, number>;
}

/** A list view's table filling the body: only the rows on screen around the cursor are drawn. */
export function ListTable<R>({ list, columns, rowKey, emptyText, marks, changedAt }: ListTableProps<R>) {
  const { theme, layout, now } = useUIState();
  // The body less the header line.
  const height = layout.bodyHeight - 1;
  const visible = useVisibleRows(list.rows, list.cursor, height);
  return (
    <Table
      columns={columns}
      {...visible}
      rowKey={rowKey}
      cursor={list.cursor}
      height={height}
      width={layout.columns}
      theme={theme}
      marks={marks}
      changedAt={changedAt}
      now={now}
      emptyText={emptyText}
    />
  );
}
