import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCpuMillis, parseMemoryBytes, parseQuantity } from '../../source/domain/quantity.js';

const cpu: { rule: string; text: string; want: number | null }[] = [
  { rule: 'millicores', text: '250m', want: 250 },
  { rule: 'decimal cores', text: '0.5', want: 500 },
  { rule: 'whole cores', text: '2', want: 2000 },
  { rule: 'leading dot', text: '.25', want: 250 },
  { rule: 'float noise does not round up a whole millicore', text: '0.3', want: 300 },
  { rule: 'sub-millicore precision rounds up', text: '100u', want: 1 },
  { rule: 'exponent form', text: '1e3m', want: null },
  { rule: 'not a quantity', text: 'lots', want: null },
  { rule: 'negative is invalid for a request', text: '-1', want: null },
];

const mem: { rule: string; text: string; want: number | null }[] = [
  { rule: 'binary suffix Mi', text: '512Mi', want: 512 * 2 ** 20 },
  { rule: 'binary suffix Gi', text: '1Gi', want: 2 ** 30 },
  { rule: 'fractional binary', text: '1.5Gi', want: 1.5 * 2 ** 30 },
  { rule: 'binary suffix Ki', text: '4Ki', want: 4096 },
  { rule: 'binary suffix Ti', text: '1Ti', want: 2 ** 40 },
  { rule: 'binary suffix Pi', text: '1Pi', want: 2 ** 50 },
  { rule: 'decimal suffix G', text: '1G', want: 1e9 },
  { rule: 'decimal suffix M', text: '1000M', want: 1e9 },
  { rule: 'decimal suffix k (lower case)', text: '2k', want: 2000 },
  { rule: 'decimal suffix T', text: '1T', want: 1e12 },
  { rule: 'decimal suffix E (exa, not exponent)', text: '1E', want: 1e18 },
  { rule: 'exponent e', text: '1e9', want: 1e9 },
  { rule: 'exponent E with digits', text: '2E3', want: 2000 },
  { rule: 'plain bytes', text: '123', want: 123 },
  { rule: 'K upper case is not a suffix', text: '1K', want: null },
  { rule: 'suffix without a number is invalid', text: 'Mi', want: null },
  { rule: 'space between number and unit is invalid', text: '1 Gi', want: null },
];

describe('parseCpuMillis', () => {
  for (const c of cpu) test(`${c.rule}: ${c.text}`, () => assert.equal(parseCpuMillis(c.text), c.want));
});
describe('parseMemoryBytes', () => {
  for (const c of mem) test(`${c.rule}: ${c.text}`, () => assert.equal(parseMemoryBytes(c.text), c.want));
});
test('parseQuantity: milli suffix in base units', () => assert.equal(parseQuantity('250m'), 0.25));
