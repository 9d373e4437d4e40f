// Durations as kubectl reads them (Go's time.ParseDuration), each flag range-checked: Node's
// timers hold at most ~24.8 days, and a longer value silently fires after 1 ms.
import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5
  'μs': 1e-3, // U+03BC
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** The longest duration any flag takes. */
export const MAX_DURATION_MS = 24 * 3_600_000;

/**
 * Go's time.ParseDuration, in ms (sub-millisecond remainders round up), or null when `text` is
 * not a duration. A sign is allowed as in Go; callers range-check.
 */
export function goDuration(text: string): number | null {
  const match = /^([+-]?)(.*)$/s.exec(text)!;
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2]!;
  if (body === '0') return 0;
  if (body === '') return null;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const found = part.exec(body);
    if (!found) return null;
    total += Number(found[1]) * UNIT_MS[found[2]!]!;
    at = part.lastIndex;
  }
  return sign * Math.ceil(total);
}

const TOO_LONG = `the longest is ${MAX_DURATION_MS / 3_600_000}h`;

/**
 * kubectl's `--request-timeout` in ms, 0 = no timeout (kubectl's meaning of "0"). A bare integer
 * is seconds, otherwise a Go duration; at most 24h.
 */
export function parseDuration(value: string, flag = '--request-timeout'): number {
  const text = value.trim();
  const invalid = (why = 'use a duration like 30s, 1m or 500ms (0 means no timeout)') => new UsageError(`invalid ${flag} "${value}": ${why}`);
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : goDuration(text);
  if (ms === null || ms < 0) throw invalid();
  if (ms > MAX_DURATION_MS) throw invalid(TOO_LONG);
  return ms;
}

/**
 * A wait bound such as `--timeout`, in ms: a Go duration with a unit (like kubectl wait's
 * --timeout), more than 0 and at most 24h.
 */
export function parseTimeout(value: string, flag = '--timeout'): number {
  const text = value.trim();
  const ms = goDuration(text);
  if (ms === null || ms < 0) throw new UsageError(`invalid ${flag} "${value}"`, 'use a duration like 90s, 5m or 1m30s');
  if (ms === 0) throw new UsageError(`${flag} must be more than 0`, `e.g. ${flag} 5m`);
  if (ms > MAX_DURATION_MS) throw new UsageError(`invalid ${flag} "${value}": ${TOO_LONG}`, `e.g. ${flag} 30m`);
  return ms;
}
