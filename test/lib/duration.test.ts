import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_DURATION_MS, goDuration, parseDuration, parseTimeout } from '../../source/lib/duration.js';
import { UsageError } from '../../source/errors.js';

describe('goDuration: Go time.ParseDuration', () => {
  const table: { rule: string; input: string; ms: number | null }[] = [
    { rule: '"0" needs no unit', input: '0', ms: 0 },
    { rule: 'seconds', input: '30s', ms: 30_000 },
    { rule: 'compound', input: '1h2m3s', ms: 3_723_000 },
    { rule: 'fractions', input: '1.5h', ms: 5_400_000 },
    { rule: 'a leading dot', input: '.5s', ms: 500 },
    { rule: 'a leading +', input: '+5s', ms: 5000 },
    { rule: 'a leading - is negative', input: '-5s', ms: -5000 },
    { rule: 'micro sign U+00B5', input: '1500µs', ms: 2 },
    { rule: 'Greek mu U+03BC', input: '1500μs', ms: 2 },
    { rule: 'nanoseconds round up to a whole ms', input: '1ns', ms: 1 },
    { rule: 'no unit', input: '5', ms: null },
    { rule: 'days are not a Go unit', input: '1d', ms: null },
    { rule: 'empty', input: '', ms: null },
    { rule: 'spaces inside', input: '1m 30s', ms: null },
    { rule: 'exponents are not Go syntax', input: '1e3s', ms: null },
  ];
  for (const c of table) test(c.rule, () => assert.equal(goDuration(c.input), c.ms));
});

describe('--timeout: more than 0, at most 24h, with a unit', () => {
  const table: { rule: string; input: string; ms?: number; message?: RegExp }[] = [
    { rule: 'minutes', input: '5m', ms: 300_000 },
    { rule: 'exactly 24h', input: '24h', ms: MAX_DURATION_MS },
    { rule: 'beyond 24h (Node timers overflow past ~24.8 days and fire after 1 ms)', input: '600h', message: /^invalid --timeout "600h": the longest is 24h; e\.g\. --timeout 30m$/ },
    { rule: 'just beyond 24h', input: '24h0m1s', message: /the longest is 24h/ },
    { rule: 'a huge number', input: '99999999999999999999h', message: /the longest is 24h/ },
    { rule: '0', input: '0', message: /^--timeout must be more than 0; e\.g\. --timeout 5m$/ },
    { rule: '0s', input: '0s', message: /must be more than 0/ },
    { rule: 'negative', input: '-1m', message: /^invalid --timeout "-1m"; use a duration like 90s, 5m or 1m30s$/ },
    { rule: 'no unit', input: '30', message: /^invalid --timeout "30"/ },
    { rule: 'not a duration', input: 'abc', message: /^invalid --timeout "abc"/ },
  ];
  for (const c of table) {
    test(c.rule, () => {
      if (c.ms !== undefined) assert.equal(parseTimeout(c.input), c.ms);
      else
        assert.throws(
          () => parseTimeout(c.input),
          (e: unknown) => e instanceof UsageError && e.exitCode === 2 && c.message!.test(e.oneLine),
        );
    });
  }
});

describe('--request-timeout: kubectl\'s meaning, at most 24h', () => {
  const table: { rule: string; input: string; ms?: number; message?: RegExp }[] = [
    { rule: '"0" means no timeout (kubectl)', input: '0', ms: 0 },
    { rule: 'a bare integer is seconds (kubectl)', input: '30', ms: 30_000 },
    { rule: 'a Go duration', input: '1m30s', ms: 90_000 },
    { rule: '24h', input: '24h', ms: MAX_DURATION_MS },
    { rule: 'beyond 24h', input: '25h', message: /^invalid --request-timeout "25h": the longest is 24h$/ },
    { rule: 'seconds beyond 24h', input: '90000', message: /the longest is 24h/ },
    { rule: 'negative (kubectl refuses it too)', input: '-1s', message: /^invalid --request-timeout "-1s": use a duration like 30s, 1m or 500ms/ },
  ];
  for (const c of table) {
    test(c.rule, () => {
      if (c.ms !== undefined) assert.equal(parseDuration(c.input), c.ms);
      else assert.throws(() => parseDuration(c.input), (e: unknown) => e instanceof UsageError && c.message!.test(e.oneLine));
    });
  }

  test('property: every accepted value is a usable timer delay (0..24h), everything else exit 2', () => {
    const unit = fc.constantFrom('ns', 'us', 'µs', 'ms', 's', 'm', 'h');
    const part = fc.tuple(fc.nat({ max: 100_000 }), unit).map(([n, u]) => `${n}${u}`);
    const duration = fc.oneof(fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join('')), fc.nat().map(String), fc.string());
    fc.assert(
      fc.property(duration, (text) => {
        for (const parse of [parseDuration, parseTimeout]) {
          let ms: number;
          try {
            ms = parse(text);
          } catch (error) {
            assert.ok(error instanceof UsageError && error.exitCode === 2, String(error));
            continue;
          }
          assert.ok(Number.isInteger(ms) && ms >= 0 && ms <= MAX_DURATION_MS, `${text} -> ${ms}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
