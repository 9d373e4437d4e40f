import type { Verdict } from '../domain/types.js';

// Semantic colour tokens: components ask for "verdict.blocked" or "status.error", never for
// "red", so a theme (or NO_COLOR) changes every screen at once.

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
    ok: { color: 'green' },
    reschedule: { color: 'yellow', bold: true },
    blocked: { color: 'red', bold: true },
    pending: { color: 'magenta' },
    completed: { color: 'gray' },
    unknown: { color: 'gray', dimColor: true },
  },
  text: {
    primary: {},
    secondary: { color: 'gray' },
    accent: { color: 'cyan' },
    header: { color: 'cyan', bold: true },
    title: { color: 'cyan', bold: true },
  },
  status: {
    ok: { color: 'green' },
    error: { color: 'red', bold: true },
    warn: { color: 'yellow' },
    info: { color: 'cyan' },
  },
  selection: { inverse: true },
  marked: { color: 'blueBright', bold: true },
  changed: { color: 'cyanBright' },
  proposed: { color: 'blueBright' },
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

/** How a verdict reads on screen (the same words the --json face uses, with a glyph for scanning). */
export const VERDICT_LABEL: Record<Verdict, string> = {
  ok: 'ok',
  reschedule: 'reschedule',
  blocked: 'blocked',
  pending: 'pending',
  completed: 'completed',
  unknown: 'unknown',
};
