import type { ListLike } from '../../lib/joined-list.js';

// Rows are addressed by a stable key (podKey, namespace name, profile name), never by index, so
// the selection follows a pod when watch events reorder the list.

export interface RowKeys {
  readonly length: number;
  keyAt(index: number): string | undefined;
  /** Where `key` is; `hint` (where it was last seen) is checked first. */
  indexOf(key: string, hint?: number): number;
}

const cache = new WeakMap<ListLike<unknown>, RowKeys>();

/**
 * Keys of a rows array (memoised per array). `indexOf` scans instead of building a key map:
 * at 10k rows a scan is well under a millisecond and allocates nothing, while a fresh Map per
 * snapshot would feed the garbage collector on every watch event.
 */
export function rowKeys<R>(rows: ListLike<R>, keyOf: (row: R) => string): RowKeys {
  const hit = cache.get(rows);
  if (hit) return hit;
  const keys: RowKeys = {
    length: rows.length,
    keyAt: (i) => {
      const row = i >= 0 ? rows.at(i) : undefined;
      return row === undefined ? undefined : keyOf(row);
    },
    indexOf: (key, hint = -1) => {
      const atHint = hint >= 0 ? rows.at(hint) : undefined;
      if (atHint !== undefined && keyOf(atHint) === key) return hint;
      for (let i = 0; i < rows.length; i++) if (keyOf(rows.at(i)!) === key) return i;
      return -1;
    },
  };
  cache.set(rows, keys);
  return keys;
}

export interface Selection {
  /** The selected row's key; null before the user moved. */
  key: string | null;
  /** Where the selection was last seen, used when the selected row disappears. */
  index: number;
}

export const NO_SELECTION: Selection = { key: null, index: 0 };

/** The row index the cursor is on: the selected key if still present, else the nearest row to where it was. */
export function cursorIndex(rows: RowKeys, selection: Selection): number {
  if (rows.length === 0) return -1;
  if (selection.key !== null) {
    const found = rows.indexOf(selection.key, selection.index);
    if (found >= 0) return found;
  }
  return Math.max(0, Math.min(selection.index, rows.length - 1));
}
