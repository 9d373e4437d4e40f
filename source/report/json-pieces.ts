// `-o json` text made and written a piece at a time. For a 10k-pod report the whole text is a
// 9 MB string, and writing it makes a 9 MB buffer on top: the last and highest memory peak of a
// run. The pieces concatenate to exactly `JSON.stringify(document, null, 2) + '\n'`.

const MARKER = '\u0000kubectl-fargate-items\u0000';
/**
 * Elements per piece: about 45 KB of text for report pods, below V8's large-object size (128 KB),
 * so each piece dies young instead of waiting in the old generation for a full collection
 * (measured at 50k pods: peak 381 -> 363 MB against 200 a piece).
 */
const BATCH = 50;

/** `value` inside `depth` arrays, so JSON.stringify indents it as it would `depth` levels down. */
const nest = (value: unknown, depth: number): unknown => (depth === 0 ? value : nest([value], depth - 1));

/** JSON.stringify(value, null, 2) as written `depth` levels down (its lines indented by 2*depth spaces, the first not). */
export function stringifyAt(value: unknown, depth: number): string {
  const text = JSON.stringify(nest(value, depth), null, 2);
  // Before the value: a `[` line per level k = 0..depth-1 (2k spaces, `[`, newline), then its own
  // 2*depth spaces; after it: a newline, 2k spaces and `]` per level.
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

/** Where the array's elements come from, when not from the document itself. */
export interface LazyItems<E> {
  /** Written in place of the document's own (empty) array... */
  items: readonly E[];
  /** ...each made when its batch is written. */
  each: (item: E) => unknown;
}

/**
 * The elements a piece writes: the document's own array, or (`lazy`) its stand-ins made into
 * elements a batch at a time. Both writers (JSON here, yaml-pieces.ts) take their batches from it.
 */
export function pieceItems<E>(own: unknown, lazy: LazyItems<E> | undefined): { count: number; batch: (from: number, size: number) => unknown[] } | null {
  const items: unknown = lazy ? lazy.items : own;
  if (!Array.isArray(items) || items.length === 0) return null;
  return {
    count: items.length,
    batch: (from, size) => (lazy ? lazy.items.slice(from, from + size).map(lazy.each) : (items as unknown[]).slice(from, from + size)),
  };
}

/**
 * The JSON of `document` (2-space indentation) in pieces, the array under the top-level
 * `arrayKey` a batch of elements at a time. `depth` (0): the document as written that many levels
 * down in an enclosing document (every line after the first indented by 2*depth spaces, and no
 * final newline), so a caller nesting it pays no second pass over its text. `lazy`: the array's
 * elements made a batch at a time from other items (report pods from their views).
 */
export function* jsonPieces<T extends object, E = never>(
  document: T,
  arrayKey: keyof T & string,
  { depth = 0, lazy }: { depth?: number; lazy?: LazyItems<E> } = {},
): Generator<string> {
  const end = depth === 0 ? '\n' : '';
  const items = pieceItems(document[arrayKey], lazy);
  if (items === null) {
    yield `${stringifyAt(document, depth)}${end}`;
    return;
  }
  // The document with a marker where the array goes: its text around the marker is the frame.
  const shell = stringifyAt({ ...document, [arrayKey]: MARKER }, depth);
  const marker = JSON.stringify(MARKER);
  const at = shell.indexOf(marker);
  yield `${shell.slice(0, at)}[`;
  // The line that closes the array (its elements' lines are indented further).
  const close = `\n${' '.repeat(2 * (depth + 1))}]`;
  for (let i = 0; i < items.count; i += BATCH) {
    // A batch under the same key at the same depth has the same indentation as in the whole document.
    const text = stringifyAt({ [arrayKey]: items.batch(i, BATCH) }, depth);
    const elements = text.slice(text.indexOf('[', arrayKey.length) + 1, text.lastIndexOf(close));
    yield i === 0 ? elements : `,${elements}`;
  }
  yield `${close}${shell.slice(at + marker.length)}${end}`;
}

/** Write the pieces in order, waiting whenever the stream asks to (a slow pipe reader). */
export async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
}
