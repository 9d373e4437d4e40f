import type { Verdict } from '../domain/types.js';

// ANSI colours for the one-shot tables. The TUI has its own theme; both name colours by meaning.

export type ColorMode = 'auto' | 'always' | 'never';

/** Colours only on a terminal, never with NO_COLOR (https://no-color.org), always with --color always. */
export function colorsEnabled(mode: ColorMode, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return isTTY && !env.NO_COLOR;
}

const CODES: Record<Verdict, number> = {
  ok: 32, // green
  reschedule: 33, // yellow
  blocked: 31, // red
  pending: 35, // magenta
  completed: 90, // grey
  unknown: 36, // cyan
};

export type Paint = (verdict: Verdict, text: string) => string;

export const paintVerdict =
  (enabled: boolean): Paint =>
  (verdict, text) =>
    enabled ? `\u001B[${CODES[verdict]}m${text}\u001B[39m` : text;

export const bold = (enabled: boolean, text: string): string => (enabled ? `\u001B[1m${text}\u001B[22m` : text);
