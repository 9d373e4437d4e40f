import type { Style } from '../theme.js';

// Text screens (detail, help) are built as plain data first, so they can be tested, wrapped to
// the terminal width and scrolled without React.

export interface Segment {
  text: string;
  style?: Style;
}

export type Line = Segment[];

export const seg = (text: string, style?: Style): Segment => (style ? { text, style } : { text });

export const lineText = (line: Line): string => line.map((s) => s.text).join('');

/** The part of `line` from `start` to `end` (character offsets), styles kept. */
function sliceLine(line: Line, start: number, end: number): Line {
  const out: Line = [];
  let at = 0;
  for (const segment of line) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + segment.text.length);
    if (from < to) out.push(seg(segment.text.slice(from - at, to - at), segment.style));
    at += segment.text.length;
  }
  return out;
}

/**
 * Break lines longer than `width` at word boundaries into continuation lines indented like the
 * original (a word longer than the line is cut). Styles stay on their text.
 */
export function wrapLines(lines: readonly Line[], width: number): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const full = lineText(line);
    if (full.length <= width) {
      out.push(line);
      continue;
    }
    const lead = full.length - full.trimStart().length;
    const indent = ' '.repeat(Math.min(lead + 2, Math.floor(width / 3)));
    let pos = 0;
    let room = width;
    let first = true;
    while (full.length - pos > room) {
      // The last space that still fits ends this piece (not one of the line's own leading spaces).
      const space = full.lastIndexOf(' ', pos + room);
      const floor = first ? pos + lead : pos;
      const end = space > floor ? space : pos + room;
      out.push(first ? sliceLine(line, pos, end) : [seg(indent), ...sliceLine(line, pos, end)]);
      pos = end;
      while (full[pos] === ' ') pos++;
      room = Math.max(1, width - indent.length);
      first = false;
    }
    if (pos < full.length) out.push(first ? sliceLine(line, pos, full.length) : [seg(indent), ...sliceLine(line, pos, full.length)]);
  }
  return out;
}
