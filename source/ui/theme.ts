import type { Verdict } from '../domain/types.js';
import { TONE_LOOK as L, type Tone } from '../view-model/words/tones.js';

// Semantic colour tokens: components ask for "verdict.blocked" or "status.error", never for
// "red", so a theme (or NO_COLOR) changes every screen at once. The tokens a fact's words carry
// (view-model/words/tones.ts) look as TONE_LOOK says, here and in the CLI tables alike.

export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Theme {
  name: 'default' | 'no-color';
  verdict: Record<Verdict, Style>;
  text: { primary: Style; secondary: Style; accent: Style; header: Style; title: Style };
  status: { ok: Style; error: Style; warn: Style; info: Style };
  /** The row under the cursor. */
  selection: Style;
  /** Rows marked with `space`. */
  marked: Style;
  /** Rows whose record changed in the last few seconds. */
  changed: Style;
  /** --profiles-file profiles (what-if proposals). */
  proposed: Style;
  /** Keys in the footer and help. */
  key: Style;
}

export const defaultTheme: Theme = {
  name: 'default',
  verdict: {
    ok: L['verdict.ok'],
    reschedule: L['verdict.reschedule'],
    blocked: L['verdict.blocked'],
    pending: L['verdict.pending'],
    completed: L['verdict.completed'],
    unknown: L['verdict.unknown'],
  },
  text: {
    primary: {},
    secondary: L['text.secondary'],
    accent: L['text.accent'],
    header: { color: 'cyan', bold: true },
    title: { color: 'cyan', bold: true },
  },
  status: {
    ok: L['status.ok'],
    error: L['status.error'],
    warn: L['status.warn'],
    info: L['status.info'],
  },
  selection: { inverse: true },
  marked: { color: 'blueBright', bold: true },
  changed: { color: 'cyanBright' },
  proposed: L.proposed,
  key: { color: 'cyan', bold: true },
};

/** NO_COLOR (https://no-color.org): no colours at all; emphasis via bold/inverse only. */
export const noColorTheme: Theme = {
  name: 'no-color',
  verdict: {
    ok: {},
    reschedule: { bold: true },
    blocked: { bold: true },
    pending: {},
    completed: {},
    unknown: {},
  },
  text: { primary: {}, secondary: {}, accent: {}, header: { bold: true }, title: { bold: true } },
  status: { ok: {}, error: { bold: true }, warn: { bold: true }, info: {} },
  selection: { inverse: true },
  marked: { bold: true },
  changed: { underline: true },
  proposed: { underline: true },
  key: { bold: true },
};

export function themeFor(noColor: boolean): Theme {
  return noColor ? noColorTheme : defaultTheme;
}

const TONE_STYLE: Record<Tone, (t: Theme) => Style> = {
  'verdict.ok': (t) => t.verdict.ok,
  'verdict.reschedule': (t) => t.verdict.reschedule,
  'verdict.blocked': (t) => t.verdict.blocked,
  'verdict.pending': (t) => t.verdict.pending,
  'verdict.completed': (t) => t.verdict.completed,
  'verdict.unknown': (t) => t.verdict.unknown,
  proposed: (t) => t.proposed,
  'text.secondary': (t) => t.text.secondary,
  'text.accent': (t) => t.text.accent,
  'status.ok': (t) => t.status.ok,
  'status.warn': (t) => t.status.warn,
  'status.error': (t) => t.status.error,
  'status.info': (t) => t.status.info,
};

/** The theme's style for a word's tone (none: plain text). */
export const toneStyle = (theme: Theme, tone: Tone | undefined): Style | undefined => (tone === undefined ? undefined : TONE_STYLE[tone](theme));
