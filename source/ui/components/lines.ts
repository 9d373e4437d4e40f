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

/** Break lines longer than `width` into continuation lines indented like the original. */
export function wrapLines(lines: readonly Line[], width: number): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const full = lineText(line);
    if (full.length <= width) {
      out.push(line);
      continue;
    }
    const indent = ' '.repeat(Math.min(full.length - full.trimStart().length + 2, Math.floor(width / 3)));
    let current: Line = [];
    let used = 0;
    let room = width;
    for (const segment of line) {
      let text = segment.text;
      while (text.length > 0) {
        if (used >= room) {
          out.push(current);
          current = [seg(indent)];
          used = 0;
          room = width - indent.length;
          text = text.trimStart();
          if (text === '') break;
        }
        const take = text.slice(0, room - used);
        current.push(seg(take, segment.style));
        used += take.length;
        text = text.slice(take.length);
      }
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}
