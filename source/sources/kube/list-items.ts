// A Kubernetes list response, split into its items while it downloads, with the values nobody
// reads cut out on the way: the project's one byte-level JSON scanner. Longer than most files on
// purpose: the scanner's states must be read together (it is fuzzed against JSON.parse).
//
// Buffering a 500-pod page (~2.5 MB) and parsing it whole keeps the page's bytes, its text and
// all 500 parsed pods alive at once; V8 then promotes them and grows its young generation past
// 100 MB. Here the body's bytes are scanned as they arrive and each element of the top-level
// "items" array is decoded and parsed on its own the moment it ends, so about one pod and one
// network chunk are alive at a time. Scanning bytes (not a decoded string) is also ~4x faster,
// and slicing at ASCII structure bytes never cuts a UTF-8 sequence. Values a prune spec names
// (prune.ts) are replaced by `null` as they pass, wherever the chunks happen to end.
//
// The scanner only finds where values start and end; JSON.parse checks what it is given (each
// item, and the envelope with its items taken out), and the separators between items are checked
// here. So a body is refused exactly when JSON.parse would refuse it, except inside values that
// are cut (test/sources/kube/list-items.property.test.ts). Longer than most files: the steps
// share one scan state, and splitting them up would make the hot loop call across modules.

import { DROP, ruleFor, ruleForEscaped, type PruneNode, type PruneRule } from './prune.js';
import type { BodySink } from './stream.js';

/** The page without its items: kind, apiVersion and metadata with continue / resourceVersion. */
export interface ListEnvelope {
  metadata?: { continue?: string; resourceVersion?: string };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const encoder = new TextEncoder();
const NULL = encoder.encode('null');

// The envelope's rules: its "items" key holds the items (a marker, never a rule to apply).
const ITEMS: PruneNode = { keys: new Map(), other: null, elements: null };
const ENVELOPE: PruneNode = { keys: new Map([[5, [{ key: encoder.encode('items'), rule: ITEMS }]]]), other: null, elements: null };

// What the string or bare value (number, true, false, null) being read is.
const NONE = 0;
const PLAIN = 1;
const KEY = 2;
const CUT = 3;
const ITEM = 4;

// A member whose value is cut: its key was read, then its colon.
const AFTER_KEY = 1;
const AFTER_COLON = 2;

// Between items, what may come next.
const VALUE_OR_END = 0;
const COMMA_OR_END = 1;
const VALUE = 2;

/**
 * Feed `write` the body's chunks in order, then call `end` for the envelope. Each item goes to
 * `onItem` parsed, in order. Malformed JSON throws a SyntaxError (from `write` or `end`).
 */
export class ListItemSplitter implements BodySink<ListEnvelope> {
  private readonly decoder = new TextDecoder();
  private readonly onHead: ((head: ListEnvelope) => void) | undefined;
  private readonly prune: PruneNode | null;

  /** How many containers are open, and at each depth its rule (null: nothing to look at) and kind. */
  private depth = 0;
  private readonly rules: (PruneNode | null)[] = [null];
  private readonly arrays: boolean[] = [false];
  /** The next string is a key of an object with a rule. */
  private expectKey = false;
  /** The rule for the value of the key just read. */
  private child: PruneNode | null = null;
  /** A key whose value is cut was read (AFTER_KEY), then its colon (AFTER_COLON); 0: none. */
  private cutMember = 0;
  /** A value being cut runs on past the chunk: its bytes are not kept. */
  private cutting = false;
  /** A cut object or array is being skipped: how deep inside it the scan is (0: none), and whether in a string. */
  private skipDepth = 0;
  private skipString = false;
  /** The string or bare value a chunk ended in (NONE: neither), and whether after a backslash. */
  private string = NONE;
  private escaped = false;
  private bare = NONE;
  /** The depth of the items array while it is open; -1 before it, -2 after it. */
  private itemsDepth = -1;
  private between = VALUE_OR_END;
  private inItem = false;

  /** The envelope's bytes: everything but the items. */
  private readonly envelope: Uint8Array[] = [];
  /** Where the envelope's bytes start in the current chunk; -1 inside the items. */
  private envelopeFrom = 0;
  /** The item being read, up to where its current run of kept bytes starts (earlier chunks, cuts). */
  private readonly itemPieces: Uint8Array[] = [];
  /** Where the current item's current run of kept bytes starts in the current chunk. */
  private kept = 0;
  /** A key that a chunk's end cut in two, gathered until its closing quote. */
  private key = new Uint8Array(64);
  private keyLength = 0;
  private keyGathered = false;
  private scratch = new Uint8Array(1 << 16);

  constructor(
    private readonly onItem: (item: unknown) => void,
    options: {
      /**
       * Gets the envelope as soon as the items start, when the server wrote the metadata first
       * (Kubernetes does): the continue token is known before the page is read.
       */
      onHead?: (head: ListEnvelope) => void;
      /** What to cut from each item before parsing (prune.ts). */
      prune?: PruneNode | undefined;
    } = {},
  ) {
    this.onHead = options.onHead;
    this.prune = options.prune ?? null;
  }

  /**
   * The hot loop. Most bytes are inside strings, skipped by stringEnd's tighter loop; keys are
   * looked at only inside objects a rule says something about. The common steps run on locals;
   * the rare ones (an item's ends, a cut, the envelope) in methods, on the fields.
   */
  write(chunk: Uint8Array): void {
    const n = chunk.length;
    this.kept = 0;
    this.envelopeFrom = this.itemsDepth > 0 ? -1 : 0;
    let i = 0;
    if (this.skipDepth > 0) i = this.skip(chunk, 0);
    else if (this.string !== NONE) i = this.endString(chunk, 0);
    else if (this.bare !== NONE) i = this.endBare(chunk, 0);
    const { rules, arrays } = this;
    let { depth, expectKey, child, itemsDepth, cutMember } = this;
    if (i < 0) i = n;
    while (i < n) {
      const c = chunk[i]!;
      if (c === QUOTE) {
        if (expectKey) {
          // A key: its end, noting escapes (which ruleFor must decode).
          let end = -1;
          let escapes = false;
          for (let j = i + 1; j < n; j++) {
            const d = chunk[j]!;
            if (d === BACKSLASH) {
              escapes = true;
              j++;
            } else if (d === QUOTE) {
              end = j;
              break;
            }
          }
          if (end < 0) {
            this.save(depth, expectKey, child, cutMember);
            i = this.startString(chunk, i);
            ({ depth, expectKey, child, itemsDepth, cutMember } = this);
            if (i < 0) break;
            continue;
          }
          expectKey = false;
          const rule = escapes ? ruleForEscaped(rules[depth]!, chunk, i + 1, end) : ruleFor(rules[depth]!, chunk, i + 1, end);
          if (rule === DROP) {
            cutMember = AFTER_KEY;
            child = null;
          } else {
            child = rule;
          }
          i = end + 1;
        } else if (cutMember !== 0 || depth === itemsDepth) {
          this.save(depth, expectKey, child, cutMember);
          i = this.startString(chunk, i);
          ({ depth, expectKey, child, itemsDepth, cutMember } = this);
          if (i < 0) break;
        } else {
          const end = stringEnd(chunk, i + 1, false);
          if (end < 0) {
            this.string = PLAIN;
            this.escaped = end === OPEN_ESCAPED;
            break;
          }
          i = end + 1;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (cutMember !== 0) {
          this.save(depth, expectKey, child, cutMember);
          this.startCut(chunk, i);
          i = this.skip(chunk, i);
          ({ depth, expectKey, child, itemsDepth, cutMember } = this);
          if (i < 0) break;
          continue;
        }
        if (depth === 0 || depth === itemsDepth) {
          this.save(depth, expectKey, child, cutMember);
          this.open(i, c);
          ({ depth, expectKey, child, itemsDepth, cutMember } = this);
        } else {
          let rule = arrays[depth] ? (rules[depth]?.elements ?? null) : child;
          if (rule === ITEMS) {
            // The first "items" array of the envelope (kept whole if it is anything else).
            if (c === OPEN_BRACKET && itemsDepth === -1) {
              this.openItems(chunk, i, depth + 1);
              itemsDepth = depth + 1;
            }
            rule = null;
          }
          depth++;
          rules[depth] = rule;
          arrays[depth] = c === OPEN_BRACKET;
          expectKey = rule !== null && c === OPEN_BRACE;
          child = null;
        }
        i++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0 || depth === itemsDepth || cutMember !== 0 || depth - 1 === itemsDepth) {
          this.save(depth, expectKey, child, cutMember);
          this.close(chunk, i, c);
          ({ depth, expectKey, child, itemsDepth, cutMember } = this);
        } else {
          depth--;
          expectKey = false;
          child = null;
        }
        i++;
      } else if (c === COMMA) {
        if (depth === itemsDepth || cutMember !== 0) {
          this.save(depth, expectKey, child, cutMember);
          this.comma();
          ({ depth, expectKey, child, itemsDepth, cutMember } = this);
        } else if (rules[depth] !== null && !arrays[depth]) {
          expectKey = true;
        }
        i++;
      } else if ((depth !== itemsDepth && cutMember === 0) || isSpace(c)) {
        i++; // whitespace, a colon, or a byte of a number or literal inside an item or the envelope
      } else if (c === COLON && cutMember === AFTER_KEY) {
        cutMember = AFTER_COLON;
        i++;
      } else {
        this.save(depth, expectKey, child, cutMember);
        i = this.startBare(chunk, i, c);
        ({ depth, expectKey, child, itemsDepth, cutMember } = this);
        if (i < 0) break;
      }
    }
    this.save(depth, expectKey, child, cutMember);
    if (this.inItem && !this.cutting && this.kept < n) this.itemPieces.push(chunk.subarray(this.kept));
    if (this.envelopeFrom >= 0) this.envelope.push(chunk.subarray(this.envelopeFrom));
  }

  /** The hot loop's locals back into the fields (the others it only reads). */
  private save(depth: number, expectKey: boolean, child: PruneNode | null, cutMember: number): void {
    this.depth = depth;
    this.expectKey = expectKey;
    this.child = child;
    this.cutMember = cutMember;
  }

  end(): ListEnvelope {
    if (this.itemsDepth > 0 || this.inItem) throw new SyntaxError('the list ended inside its items');
    const envelope: unknown = JSON.parse(this.decoder.decode(concat(this.envelope)));
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      throw new SyntaxError('expected a list: a JSON object');
    }
    delete (envelope as { items?: unknown }).items;
    return envelope as ListEnvelope;
  }

  /** An object or array opens at the top level, or as an item. */
  private open(i: number, c: number): void {
    const depth = this.depth;
    let rule: PruneNode | null = null;
    if (depth === this.itemsDepth) {
      this.startItem(i);
      rule = this.prune;
    } else if (c === OPEN_BRACE && this.itemsDepth === -1) {
      rule = ENVELOPE;
    }
    this.depth = depth + 1;
    this.rules[depth + 1] = rule;
    this.arrays[depth + 1] = c === OPEN_BRACKET;
    this.expectKey = rule !== null && c === OPEN_BRACE;
    this.child = null;
  }

  private close(bytes: Uint8Array, i: number, c: number): void {
    const depth = this.depth;
    if (this.cutMember !== 0) throw new SyntaxError('a member without a value');
    if (depth === this.itemsDepth) {
      if (c !== CLOSE_BRACKET || this.between === VALUE) throw new SyntaxError('unbalanced list items');
      this.itemsDepth = -2;
      this.envelopeFrom = i;
    } else if (depth === 0) {
      throw new SyntaxError(`unbalanced '${String.fromCharCode(c)}'`);
    }
    this.depth = depth - 1;
    this.expectKey = false;
    this.child = null;
    if (depth - 1 === this.itemsDepth) this.emit(bytes, this.kept, i + 1);
  }

  /** A comma between items, or one where the value of a member to cut should be. */
  private comma(): void {
    if (this.cutMember !== 0) throw new SyntaxError('a member without a value');
    if (this.between !== COMMA_OR_END) throw new SyntaxError('list items not separated by one comma');
    this.between = VALUE;
  }

  /** A string that is a key to look up, a value to cut, or an item. Returns where the scan goes on, or -1. */
  private startString(bytes: Uint8Array, i: number): number {
    let kind = PLAIN;
    if (this.expectKey) {
      this.expectKey = false;
      kind = KEY;
    } else if (this.cutMember !== 0) {
      this.startCut(bytes, i);
      kind = CUT;
    } else if (this.depth === this.itemsDepth) {
      this.startItem(i);
      kind = ITEM;
    }
    this.string = kind;
    return this.endString(bytes, i + 1);
  }

  private endString(bytes: Uint8Array, from: number): number {
    const end = stringEnd(bytes, from, this.escaped);
    const kind = this.string;
    if (end < 0) {
      this.escaped = end === OPEN_ESCAPED;
      if (kind === KEY) this.gatherKey(bytes, from, bytes.length);
      return -1;
    }
    this.string = NONE;
    this.escaped = false;
    if (kind === KEY) {
      const node = this.rules[this.depth]!;
      let rule: PruneRule;
      if (this.keyGathered) {
        this.gatherKey(bytes, from, end);
        rule = keyRule(node, this.key, 0, this.keyLength);
        this.keyGathered = false;
        this.keyLength = 0;
      } else {
        rule = keyRule(node, bytes, from, end);
      }
      if (rule === DROP) {
        this.cutMember = AFTER_KEY;
        this.child = null;
      } else {
        this.child = rule;
      }
    } else if (kind === CUT) {
      this.kept = end + 1;
      this.cutting = false;
    } else if (kind === ITEM) {
      this.emit(bytes, this.kept, end + 1);
    }
    return end + 1;
  }

  /** A byte that is not whitespace or structure where a value to cut or an item may start. */
  private startBare(bytes: Uint8Array, i: number, c: number): number {
    if (c === COLON) {
      if (this.cutMember !== AFTER_KEY) throw new SyntaxError("unexpected ':'");
      this.cutMember = AFTER_COLON;
      return i + 1;
    }
    if (this.cutMember !== 0) {
      this.startCut(bytes, i);
      this.bare = CUT;
    } else {
      this.startItem(i);
      this.bare = ITEM;
    }
    return this.endBare(bytes, i);
  }

  private endBare(bytes: Uint8Array, from: number): number {
    const end = bareEnd(bytes, from);
    if (end < 0) return -1;
    const kind = this.bare;
    this.bare = NONE;
    if (kind === CUT) {
      this.kept = end;
      this.cutting = false;
    } else {
      this.emit(bytes, this.kept, end);
    }
    return end;
  }

  /** The value of a member to cut starts at `i`: keep what came before it, and `null` for it. */
  private startCut(bytes: Uint8Array, i: number): void {
    if (this.cutMember === AFTER_KEY) throw new SyntaxError("expected ':' after a key");
    this.itemPieces.push(bytes.subarray(this.kept, i), NULL);
    this.cutting = true;
    this.cutMember = 0;
  }

  /**
   * Pass over a cut object or array, from `from` on (its opening bracket, or where the last
   * chunk left off). Returns the index just after its end, or -1 when the chunk ends first.
   * Cut values are not parsed, so only their strings and brackets matter.
   */
  private skip(bytes: Uint8Array, from: number): number {
    const n = bytes.length;
    let depth = this.skipDepth;
    let i = from;
    if (this.skipString) {
      const end = stringEnd(bytes, i, this.escaped);
      if (end < 0) {
        this.escaped = end === OPEN_ESCAPED;
        return -1;
      }
      this.skipString = false;
      this.escaped = false;
      i = end + 1;
    }
    for (; i < n; i++) {
      const c = bytes[i]!;
      if (c === QUOTE) {
        const end = stringEnd(bytes, i + 1, false);
        if (end < 0) {
          this.skipString = true;
          this.escaped = end === OPEN_ESCAPED;
          this.skipDepth = depth;
          return -1;
        }
        i = end;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
        this.skipDepth = 0;
        this.kept = i + 1;
        this.cutting = false;
        return i + 1;
      }
    }
    this.skipDepth = depth;
    return -1;
  }

  private startItem(i: number): void {
    if (this.between === COMMA_OR_END) throw new SyntaxError('list items not separated by a comma');
    this.inItem = true;
    this.kept = i;
  }

  /** The `[` of the items array is at `i`: the head is complete. */
  private openItems(bytes: Uint8Array, i: number, depth: number): void {
    this.itemsDepth = depth;
    this.between = VALUE_OR_END;
    this.envelope.push(bytes.subarray(this.envelopeFrom, i + 1));
    this.envelopeFrom = -1;
    // The head ends with `"items":[` at the top level, so `]}` closes it.
    this.onHead?.(JSON.parse(`${this.decoder.decode(concat(this.envelope))}]}`) as ListEnvelope);
  }

  private gatherKey(bytes: Uint8Array, from: number, to: number): void {
    const length = this.keyLength + to - from;
    if (length > this.key.length) {
      const grown = new Uint8Array(Math.max(length, 2 * this.key.length));
      grown.set(this.key.subarray(0, this.keyLength));
      this.key = grown;
    }
    this.key.set(bytes.subarray(from, to), this.keyLength);
    this.keyLength = length;
    this.keyGathered = true;
  }

  private emit(bytes: Uint8Array, from: number, to: number): void {
    let item = bytes.subarray(from, to);
    if (this.itemPieces.length > 0) {
      this.itemPieces.push(item);
      item = this.join(this.itemPieces);
      this.itemPieces.length = 0;
    }
    this.inItem = false;
    this.between = COMMA_OR_END;
    this.onItem(JSON.parse(this.decoder.decode(item)));
  }

  /** The pieces one after the other, in a buffer reused for every item (decode copies out of it). */
  private join(pieces: readonly Uint8Array[]): Uint8Array {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    if (length > this.scratch.length) this.scratch = new Uint8Array(Math.max(length, 2 * this.scratch.length));
    let at = 0;
    for (const piece of pieces) {
      this.scratch.set(piece, at);
      at += piece.length;
    }
    return this.scratch.subarray(0, length);
  }
}

// stringEnd's answers when the chunk ends inside the string (after a backslash, or not).
const OPEN = -1;
const OPEN_ESCAPED = -2;

/** Index of the quote that closes a string whose content starts at `from`, or OPEN / OPEN_ESCAPED. */
function stringEnd(bytes: Uint8Array, from: number, escaped: boolean): number {
  const n = bytes.length;
  let i = escaped ? from + 1 : from;
  for (; i < n; i++) {
    const c = bytes[i]!;
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return i === n ? OPEN : OPEN_ESCAPED;
}

/** ruleFor or ruleForEscaped, as the key needs (for keys read in pieces, off the hot loop). */
function keyRule(node: PruneNode, bytes: Uint8Array, from: number, to: number): PruneRule {
  return bytes.subarray(from, to).includes(BACKSLASH) ? ruleForEscaped(node, bytes, from, to) : ruleFor(node, bytes, from, to);
}

/** Index of the first byte after a number or literal starting at or before `from`, or -1. */
function bareEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === OPEN_BRACE || c === OPEN_BRACKET || c === QUOTE || c === COLON || isSpace(c)) return i;
  }
  return -1;
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  return Buffer.concat(pieces);
}
