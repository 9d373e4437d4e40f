// Fitting text into a column. Kubernetes names are ASCII, so length = cell width. (What a fact
// says is view-model/words'; this only cuts and pads it.)

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}
