import { Text } from 'ink';
import type { Style } from '../theme.js';

export interface SegmentItem {
  text: string;
  style?: Style;
  /** 0 = always kept; higher numbers are dropped first when the line is too long. */
  priority: number;
  /** The one item allowed to shrink (with an ellipsis) instead of being dropped. */
  shrink?: boolean;
  /** Cut its start instead of its end (a context ARN ends with the cluster's name). */
  keepEnd?: boolean;
}

/** A one-line list of items joined by a separator, dropping low-priority items to fit `width`. */
export function fitSegments(items: readonly SegmentItem[], width: number, separator: string): SegmentItem[] {
  const kept = [...items];
  const length = (list: readonly SegmentItem[]) => list.reduce((sum, i) => sum + i.text.length, 0) + separator.length * Math.max(0, list.length - 1);
  while (length(kept) > width && kept.some((i) => i.priority > 0)) {
    let drop = 0;
    kept.forEach((item, i) => {
      if (item.priority >= (kept[drop]?.priority ?? 0)) drop = i;
    });
    kept.splice(drop, 1);
  }
  const over = length(kept) - width;
  if (over > 0) {
    const index = kept.findIndex((i) => i.shrink);
    const item = kept[index];
    if (item && item.text.length > over + 1) {
      const keep = item.text.length - over - 1;
      kept[index] = { ...item, text: item.keepEnd ? `…${item.text.slice(item.text.length - keep)}` : `${item.text.slice(0, keep)}…` };
    }
  }
  return kept;
}

export function Segments({ items, width, separator, separatorStyle }: { items: readonly SegmentItem[]; width: number; separator: string; separatorStyle?: Style }) {
  const kept = fitSegments(items, width, separator);
  return (
    <Text wrap="truncate">
      {kept.map((item, i) => (
        <Text key={i}>
          {i > 0 ? <Text {...(separatorStyle ?? {})}>{separator}</Text> : null}
          <Text {...(item.style ?? {})}>{item.text}</Text>
        </Text>
      ))}
    </Text>
  );
}
