// Fitting text into a column. Kubernetes names are ASCII, so length = cell width. (What a fact
// says is view-model/words'; this only cuts and pads it.)

/**
 * `text` in exactly `width` columns. Cut at the end (`end`), or in the middle (`middle`): the
 * start and the end stay, so two pods of one ReplicaSet (web-5d4f8-abcde, web-5d4f8-fghij) keep
 * apart where their names differ.
 */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', cut: 'end' | 'middle' = 'end'): string {
  if (width <= 0) return '';
  if (text.length > width) return cutTo(text, width, cut);
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

function cutTo(text: string, width: number, cut: 'end' | 'middle'): string {
  if (width === 1) return '…';
  if (cut === 'end' || width < 5) return `${text.slice(0, width - 1)}…`;
  // The end tells pods apart (their random suffix): it gets the larger part.
  const tail = Math.ceil((width - 1) * 0.6);
  const head = width - 1 - tail;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}
