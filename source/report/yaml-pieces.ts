import { stringify } from 'yaml';
import { pieceItems, type LazyItems } from './json-pieces.js';

// `-o yaml` text made and written a piece at a time, like json-pieces.ts: the yaml library builds
// a node tree of the whole document before writing a character (1.6 GB at 130k pods); a batch of
// pods at a time keeps that to one batch. The pieces concatenate to exactly `stringify(document)`
// with aliases off (a report never shares objects on purpose, and kubectl prints no anchors).

const OPTIONS = { aliasDuplicateObjects: false } as const;
const MARKER = 'KUBECTL_FARGATE_ITEMS_MARKER';
/** Elements per piece. */
const BATCH = 200;

/**
 * The YAML of `document`, the list under the top-level `arrayKey` a batch of elements at a time
 * (`lazy`: made a batch at a time from other items, as in json-pieces.ts).
 */
export function* yamlPieces<T extends object, E = never>(
  document: T,
  arrayKey: keyof T & string,
  { batch = BATCH, lazy }: { batch?: number; lazy?: LazyItems<E> } = {},
): Generator<string> {
  const items = pieceItems(document[arrayKey], lazy);
  if (items === null) {
    yield stringify(document, OPTIONS);
    return;
  }
  // The document with a marker where the list goes: a top-level key, so at the start of a line.
  const shell = stringify({ ...document, [arrayKey]: MARKER }, OPTIONS);
  const line = `${arrayKey}: ${MARKER}\n`;
  const at = shell.startsWith(line) ? 0 : shell.indexOf(`\n${line}`) + 1;
  yield `${shell.slice(0, at)}${arrayKey}:\n`;
  for (let i = 0; i < items.count; i += batch) {
    // Under the same key, so each element is indented (and long lines folded) as in the whole.
    const text = stringify({ [arrayKey]: items.batch(i, batch) }, OPTIONS);
    yield text.slice(text.indexOf('\n') + 1);
  }
  yield shell.slice(at + line.length);
}

/** The whole text at once (small documents, tests). */
export const yamlText = (document: object): string => stringify(document, OPTIONS);
