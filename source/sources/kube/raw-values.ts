// Loose values of wire JSON read as the records want them: no record keeps a parsed object (only
// copies, pooled strings and lib/empty-list.ts's shared empty list), so the big parsed object can be dropped right after.
import { StringPool } from '../../lib/string-pool.js';
import type { StringMap } from './json.js';

/**
 * The values records keep that many objects repeat (namespaces, label values, images, owner kinds,
 * scheduler names, kubelet versions): one copy each (lib/string-pool.ts). Keys need none: JSON.parse
 * already shares property names.
 */
const pool = new StringPool();
export const shared = (value: string): string => pool.intern(value);

/** A fresh copy of a label or annotation map, every value a string (shared with equal ones). */
export function copyMap(map: StringMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (map) for (const key of Object.keys(map)) out[key] = pool.intern(String(map[key]));
  return out;
}

export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** stringOrNull, shared: for short values many records repeat (never a big one such as last-applied). */
export const sharedOrNull = (value: unknown): string | null => (typeof value === 'string' ? pool.intern(value) : null);

/** An RFC 3339 time in ms since the epoch; 0 when absent or unreadable. */
export function timestamp(value: string | undefined): number {
  if (!value) return 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}
