// `-o json` text made and written a piece at a time. For a 10k-pod report the whole text is a
// 9 MB string, and writing it makes a 9 MB buffer on top: the last and highest memory peak of a
// run. The pieces concatenate to exactly `JSON.stringify(document, null, 2) + '\n'`.

const MARKER = '\u0000kubectl-fargate-items\u0000';
/** Elements per piece: about 200 KB of text for report pods. */
const BATCH = 200;

/**
 * The JSON of `document` (2-space indentation) in pieces, the array under the top-level
 * `arrayKey` a batch of elements at a time.
 */
export function* jsonPieces<T extends object>(document: T, arrayKey: keyof T & string): Generator<string> {
  const items = document[arrayKey];
  if (!Array.isArray(items) || items.length === 0) {
    yield `${JSON.stringify(document, null, 2)}\n`;
    return;
  }
  // The document with a marker where the array goes: its text around the marker is the frame.
  const shell = JSON.stringify({ ...document, [arrayKey]: MARKER }, null, 2);
  const marker = JSON.stringify(MARKER);
  const at = shell.indexOf(marker);
  yield `${shell.slice(0, at)}[`;
  for (let i = 0; i < items.length; i += BATCH) {
    // A batch under the same key has the same indentation as in the whole document.
    const text = JSON.stringify({ [arrayKey]: items.slice(i, i + BATCH) }, null, 2);
    const elements = text.slice(text.indexOf('[', arrayKey.length) + 1, text.lastIndexOf('\n', text.length - 3));
    yield i === 0 ? elements : `,${elements}`;
  }
  yield `\n  ]${shell.slice(at + marker.length)}\n`;
}

/** Write the pieces in order, waiting whenever the stream asks to (a slow pipe reader). */
export async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
}
