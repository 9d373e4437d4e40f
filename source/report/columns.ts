// kubectl-style tables: left-aligned columns separated by three spaces, no borders.
// (Hand-written on purpose: table libraries draw boxes, and kubectl users expect `awk`-able rows.)

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  /** Optional decoration (colour) applied after padding, so ANSI codes do not skew widths. */
  paint?: (row: Row, padded: string) => string;
}

const GAP = '   ';

export function renderColumns<Row>(rows: readonly Row[], columns: readonly Column<Row>[], headers = true): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => cells.reduce((width, r) => Math.max(width, r[i]!.length), headers ? c.header.length : 0));
  const lines: string[] = [];
  if (headers) lines.push(columns.map((c, i) => pad(c.header, widths[i]!, i === columns.length - 1)).join(GAP));
  rows.forEach((row, r) => {
    const line = columns.map((c, i) => {
      const padded = pad(cells[r]![i]!, widths[i]!, i === columns.length - 1);
      return c.paint ? c.paint(row, padded) : padded;
    });
    lines.push(line.join(GAP));
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const pad = (text: string, width: number, last: boolean) => (last ? text : text.padEnd(width));
