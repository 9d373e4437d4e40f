import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A kubectl `--request-timeout` value in milliseconds (0 = no timeout).
 * kubectl takes a bare integer as seconds, otherwise a Go duration ("30s", "1m30s", "500ms").
 */
export function parseDuration(value: string, flag = '--request-timeout'): number {
  const text = value.trim();
  // A bad flag value: a usage error (exit 2).
  const invalid = () =>
    new UsageError(`invalid ${flag} "${value}": use a duration like 30s, 1m or 500ms (0 means no timeout)`);
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (text === '') throw invalid();
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < text.length) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (!match) throw invalid();
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? 0);
    at = part.lastIndex;
  }
  return Math.round(total);
}
