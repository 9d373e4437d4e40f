import { TONE_LOOK, type ColorName, type Look, type Tone } from '../view-model/words/tones.js';

// ANSI colours for the one-shot tables: the same tokens and looks as the TUI's theme
// (view-model/words/tones.ts), so a verdict is the same colour in a table and on screen.

export type ColorMode = 'auto' | 'always' | 'never';

/** Colours only on a terminal, never with NO_COLOR (https://no-color.org), always with --color always. */
export function colorsEnabled(mode: ColorMode, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return isTTY && !env.NO_COLOR;
}

/** SGR foreground codes of the colour names the looks use (chalk's). */
const FOREGROUND: Record<ColorName, number> = {
  red: 31,
  green: 32,
  yellow: 33,
  magenta: 35,
  cyan: 36,
  gray: 90,
  blueBright: 94,
  cyanBright: 96,
};

/** `text` as `look` says; each attribute is switched off again after it, not a full reset. */
export function ansi(look: Look, text: string): string {
  const on: number[] = [];
  const off: number[] = [];
  if (look.color !== undefined) {
    on.push(FOREGROUND[look.color]);
    off.push(39);
  }
  if (look.bold) on.push(1);
  if (look.dimColor) on.push(2);
  if (look.bold || look.dimColor) off.push(22);
  return on.length === 0 ? text : `\u001B[${on.join(';')}m${text}\u001B[${off.join(';')}m`;
}

export type Paint = (tone: Tone | undefined, text: string) => string;

export const paintTone =
  (enabled: boolean): Paint =>
  (tone, text) =>
    enabled && tone !== undefined ? ansi(TONE_LOOK[tone], text) : text;
