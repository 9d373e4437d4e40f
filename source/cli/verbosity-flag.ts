// -v/--v, kubectl's log level. Its own file: the flag parser checks it on every run, and the
// request log it switches on (sources/request-log.ts) loads node:http.
import { UsageError } from '../errors.js';

/** A -v value: kubectl's klog level, 0 to 10 (6 and up log each request: REQUEST_LOG_LEVEL). */
export function parseVerbosity(text: string | undefined): number {
  if (text === undefined) return 0;
  const level = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(level) || level > 10) throw new UsageError(`invalid -v "${text}"`, 'use a level from 0 to 10: 6 logs each request, 7 adds its headers, 8 the bodies');
  return level;
}
