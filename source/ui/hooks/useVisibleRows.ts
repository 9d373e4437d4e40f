import { useRef } from 'react';
import type { ListLike } from '../../lib/joined-list.js';
import { windowStart } from '../components/Table.js';

export interface VisibleRows<R> {
  /** Only the rows on screen: big arrays never travel as props. */
  rows: readonly R[];
  /** Index of rows[0] in the full list. */
  offset: number;
  total: number;
}

/** The window of `height` rows around the cursor; it moves only as far as the cursor needs. */
export function useVisibleRows<R>(all: ListLike<R>, cursor: number, height: number): VisibleRows<R> {
  const top = useRef(0);
  top.current = windowStart(top.current, cursor, height, all.length);
  return { rows: all.slice(top.current, top.current + height), offset: top.current, total: all.length };
}
