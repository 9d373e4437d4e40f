// What a YAML, describe or log screen shows: read from the API server when the screen opens
// (the log followed while it is open), kept here until the screen is left. Pure data.
import type { PodDescription } from '../tui-actions.js';
import type { PodDocScreen } from './screen.js';

/** The log keeps this many lines (the oldest go first). */
export const MAX_LOG_LINES = 5000;

export interface PodDoc {
  /** The screen it belongs to (docKey). */
  key: string;
  /** loading → ready; a log: → ended when the server ends it. error: `error` says why. */
  status: 'loading' | 'ready' | 'ended' | 'error';
  error: string | null;
  yaml?: string;
  description?: PodDescription;
  lines?: readonly string[];
  /** A log's pod's containers, and the one shown. */
  containers?: readonly string[];
  container?: string;
}

/** Which reading a screen needs: a new key (another pod, another container) reads again. */
export const docKey = (screen: PodDocScreen): string => `${screen.kind}:${screen.podKey}:${screen.kind === 'logs' ? (screen.container ?? '') : ''}`;

export const loadingDoc = (key: string): PodDoc => ({ key, status: 'loading', error: null });

/** Lines added to a log, the oldest dropped past MAX_LOG_LINES. */
export function withLines(doc: PodDoc, lines: readonly string[]): PodDoc {
  const all = [...(doc.lines ?? []), ...lines];
  return { ...doc, status: doc.status === 'loading' ? 'ready' : doc.status, lines: all.length > MAX_LOG_LINES ? all.slice(all.length - MAX_LOG_LINES) : all };
}
