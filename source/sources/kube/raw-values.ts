// Loose values of wire JSON read as the records want them: every record is built from fresh
// objects and primitive copies, so the big parsed object can be dropped right after.
import type { StringMap } from './json.js';

/** A fresh copy of a label or annotation map, every value a string. */
export function copyMap(map: StringMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (map) for (const key of Object.keys(map)) out[key] = String(map[key]);
  return out;
}

export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An RFC 3339 time in ms since the epoch; 0 when absent or unreadable. */
export function timestamp(value: string | undefined): number {
  if (!value) return 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}
