// The list scanner (list-items.ts) against JSON.parse on arbitrary JSON texts: numbers in every
// form, strings with every kind of escape and with any Unicode, nesting, whitespace anywhere,
// keys written with escapes, and the body cut into chunks at arbitrary places.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ListItemSplitter } from '../../../source/sources/kube/list-items.js';
import { compilePrune, type PruneSpec } from '../../../source/sources/kube/prune.js';

const RUNS = 400;

// ---- JSON texts, written out by hand so every legal spelling turns up ----

const ws = fc.array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 2 }).map((s) => s.join(''));
const digits = (min: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: 4 }).map((d) => d.join(''));
const numberText = fc
  .record({
    sign: fc.constantFrom('', '-'),
    int: fc.oneof(fc.constant('0'), fc.tuple(fc.constantFrom(...'123456789'), digits(0)).map(([a, b]) => a + b)),
    frac: fc.option(digits(1), { nil: '' }).map((d) => (d ? `.${d}` : '')),
    exp: fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1)), { nil: null }).map((e) => (e ? e.join('') : '')),
  })
  .map(({ sign, int, frac, exp }) => sign + int + frac + exp);

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const hex4 = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** One character as JSON may spell it: raw when allowed, else (or at random) escaped. */
function spell(ch: string, style: number): string {
  const code = ch.codePointAt(0)!;
  const mustEscape = ch === '"' || ch === '\\' || code < 0x20;
  if (!mustEscape && style === 0) return ch;
  if (SHORT[ch] !== undefined && style !== 2) return SHORT[ch]!;
  let out = '';
  for (let i = 0; i < ch.length; i++) out += style === 3 ? hex4(ch.charCodeAt(i)).toUpperCase().replace('\\U', '\\u') : hex4(ch.charCodeAt(i));
  return out;
}

/** Mostly as written, now and then escaped. */
const style = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 });
const chars = (from: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(from, style), { maxLength: 8 }).map((cs) => ({ value: cs.map(([c]) => c).join(''), text: `"${cs.map(([c, s]) => spell(c, s)).join('')}"` }));
/** Any Unicode (astral included), JSON's specials, and lone surrogates written as escapes. */
const anyChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u2028', '}', ']', '{', '[', ',', ':'),
);
const stringText = fc.oneof(
  chars(anyChar).map((s) => s.text),
  fc.constantFrom('"\\ud800"', '"\\udfff x"', '"\\uD83D\\uDE00"'),
);

/** Keys from a small set, so prune specs name them; some need escapes, some look like list keys. */
const KEY_NAMES = ['a', 'b', 'env', 'drop', 'items', 'x"y', 'é', '😀', '*', '[]', ''];
const keyText = (names: string[]) => fc.tuple(fc.constantFrom(...names), fc.array(style, { minLength: 2, maxLength: 2 })).map(([name, styles]) => ({ name, text: `"${[...name].map((c, i) => spell(c, styles[i % 2]!)).join('')}"` }));

function members(value: fc.Arbitrary<string>, names: string[]) {
  return fc.uniqueArray(fc.tuple(keyText(names), value, ws, ws, ws, ws), { maxLength: 4, selector: ([key]) => key.name });
}
const joinMembers = (entries: [{ text: string }, string, string, string, string, string][], end: string) =>
  entries.map(([key, v, a, b, c, d]) => `${a}${key.text}${b}:${c}${v}${d}`).join(',') || end;

const { value: jsonText } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, numberText, stringText, fc.constantFrom('true', 'false', 'null'), tie('array'), tie('object')),
  array: fc.tuple(fc.array(fc.tuple(ws, tie('value'), ws), { maxLength: 4 }), ws).map(([vs, w]) => `[${vs.map(([a, v, b]) => a + v + b).join(',') || w}]`),
  object: fc.tuple(members(tie('value'), KEY_NAMES), ws).map(([ms, w]) => `{${joinMembers(ms, w)}}`),
}));

/** A list body: an object with other members around an "items" array (its key spelled any way). */
const bodyText = fc
  .tuple(
    members(jsonText, ['kind', 'apiVersion', 'metadata', 'a', 'x"y']),
    fc.oneof(
      { weight: 5, arbitrary: fc.array(fc.tuple(ws, jsonText, ws), { maxLength: 5 }) },
      // Now and then "items" holds something else: then there are no items.
      { weight: 1, arbitrary: jsonText },
    ),
    keyText(['items']),
    fc.nat(),
    ws,
    ws,
  )
  .map(([others, items, key, at, w1, w2]) => {
    const entries = others.map(([k, v]) => `${k.text}:${v}`);
    const list = typeof items === 'string' ? items : `[${items.map(([a, v, b]) => a + v + b).join(',') || w1}]`;
    entries.splice(at % (entries.length + 1), 0, `${key.text}${w1}:${w2}${list}`);
    return `${w2}{${entries.join(',')}}${w1}`;
  });

/** Where to cut the body's bytes into chunks. */
const cuts = fc.uniqueArray(fc.nat({ max: 4000 }), { maxLength: 40 });

function chunked(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

function split(bytes: Uint8Array, at: number[], spec?: PruneSpec): { envelope: unknown; items: unknown[] } {
  const items: unknown[] = [];
  const splitter = new ListItemSplitter((item) => items.push(item), spec ? { prune: compilePrune(spec) } : {});
  for (const chunk of chunked(bytes, at)) splitter.write(chunk);
  return { envelope: splitter.end(), items };
}

// ---- what a prune spec means, on parsed values ----

const specArb: fc.Arbitrary<PruneSpec> = fc.letrec<{ spec: PruneSpec }>((tie) => ({
  spec: fc.dictionary(fc.constantFrom(...KEY_NAMES.filter((k) => k !== '__proto__')), fc.oneof({ depthSize: 'small' }, fc.constant('drop' as const), fc.constant('keep' as const), tie('spec')), {
    maxKeys: 4,
  }),
})).spec;

function pruned(value: unknown, spec: PruneSpec): unknown {
  if (Array.isArray(value)) {
    const elements = spec['[]'];
    return typeof elements === 'object' ? value.map((v) => pruned(v, elements)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const rule = key !== '[]' && key !== '*' && Object.hasOwn(spec, key) ? spec[key] : spec['*'];
    out[key] = rule === 'drop' ? null : typeof rule === 'object' ? pruned(v, rule) : v;
  }
  return out;
}

describe('ListItemSplitter against JSON.parse (property)', () => {
  test('any list body, cut anywhere: the items and the envelope JSON.parse finds', () => {
    fc.assert(
      fc.property(bodyText, cuts, (text, at) => {
        const { items, ...rest } = JSON.parse(text) as { items: unknown };
        const got = split(Buffer.from(text), at);
        assert.deepEqual(got.items, Array.isArray(items) ? items : []);
        assert.deepEqual(got.envelope, rest);
      }),
      { numRuns: RUNS },
    );
  });

  test('with any prune spec: each item is JSON.parse\'s with the named values null', () => {
    fc.assert(
      fc.property(bodyText, specArb, cuts, (text, spec, at) => {
        const { items } = JSON.parse(text) as { items: unknown };
        const expected = Array.isArray(items) ? items.map((item) => pruned(item, spec)) : [];
        assert.deepEqual(split(Buffer.from(text), at, spec).items, expected);
      }),
      { numRuns: RUNS },
    );
  });

  test('a damaged body (a byte changed, dropped or added) is refused exactly when JSON.parse refuses it', () => {
    const damage = fc.tuple(fc.nat(), fc.constantFrom('change', 'drop', 'add'), fc.constantFrom(...'{}[]",:\\ 0-ex\u00e9\u0001'.split('')));
    fc.assert(
      fc.property(bodyText, damage, cuts, (text, [where, how, byte], at) => {
        const bytes = Buffer.from(text);
        const i = where % bytes.length;
        const extra = Buffer.from(byte);
        const damaged = Buffer.concat([bytes.subarray(0, i), how === 'drop' ? Buffer.alloc(0) : extra, bytes.subarray(how === 'add' ? i : i + 1)]);
        let parsed: unknown;
        let refused = false;
        try {
          parsed = JSON.parse(new TextDecoder().decode(damaged));
        } catch {
          refused = true;
        }
        // A valid text that is not an object is not a list: refused too.
        if (!refused && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) refused = true;
        let threw: unknown = null;
        try {
          split(damaged, at);
        } catch (error) {
          threw = error;
        }
        assert.equal(threw !== null, refused, `${JSON.stringify(damaged.toString())}: ${String(threw)}`);
        if (threw !== null) assert.ok(threw instanceof SyntaxError, String(threw));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
