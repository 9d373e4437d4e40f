import type { Verdict } from '../../domain/types.js';

// The semantic colour tokens the words of each fact carry ("verdict.blocked", never "red"),
// and how each looks by default. The TUI's theme (ui/theme.ts) is built from these looks and the
// CLI tables turn the same tokens into ANSI codes (report/colors.ts): a fact has one colour in
// every face. Names follow the theme's paths.

export type Tone =
  | `verdict.${Verdict}`
  /** A --profiles-file profile (a what-if proposal). */
  | 'proposed'
  /** Supporting text: reasons, hints. */
  | 'text.secondary'
  | 'text.accent'
  | 'status.ok'
  | 'status.warn'
  | 'status.error'
  | 'status.info';

/** Colour names as ink (chalk) spells them; report/colors.ts has each one's ANSI code. */
export type ColorName = 'green' | 'yellow' | 'red' | 'magenta' | 'cyan' | 'gray' | 'blueBright' | 'cyanBright';

export interface Look {
  color?: ColorName;
  bold?: boolean;
  dimColor?: boolean;
}

export const TONE_LOOK: Readonly<Record<Tone, Look>> = {
  'verdict.ok': { color: 'green' },
  'verdict.reschedule': { color: 'yellow', bold: true },
  'verdict.blocked': { color: 'red', bold: true },
  'verdict.pending': { color: 'magenta' },
  'verdict.completed': { color: 'gray' },
  'verdict.unknown': { color: 'gray', dimColor: true },
  proposed: { color: 'blueBright' },
  'text.secondary': { color: 'gray' },
  'text.accent': { color: 'cyan' },
  'status.ok': { color: 'green' },
  'status.warn': { color: 'yellow' },
  'status.error': { color: 'red', bold: true },
  'status.info': { color: 'cyan' },
};

/** A fact in words, with the token its colour comes from (none: the face's plain text). */
export interface Word {
  text: string;
  tone?: Tone;
}

/** An empty cell, as kubectl prints one (here, beside Word, so every words module can take it without a cycle). */
export const NONE = '<none>';
