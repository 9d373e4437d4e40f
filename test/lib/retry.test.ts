import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { retry, type RetryOptions } from '../../source/lib/retry.js';

class Passing extends Error {}
class Fatal extends Error {}

/** An operation that fails with `errors` in turn, then returns "ok"; it counts its attempts. */
function flaky(errors: Error[]) {
  let calls = 0;
  return {
    attempt: async (): Promise<string> => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

const base: RetryOptions = { isTransient: (e) => e instanceof Passing, delayMs: () => 0 };

describe('retry', () => {
  const cases: Array<{ rule: string; errors: Error[]; options?: Partial<RetryOptions>; result?: string; throws?: new (message?: string) => Error; calls: number }> = [
    { rule: 'a first success is returned as is', errors: [], result: 'ok', calls: 1 },
    { rule: 'passing errors are tried again', errors: [new Passing(), new Passing()], result: 'ok', calls: 3 },
    { rule: 'any other error is thrown at once', errors: [new Fatal()], throws: Fatal, calls: 1 },
    { rule: 'a non-passing error after passing ones ends it', errors: [new Passing(), new Fatal()], throws: Fatal, calls: 2 },
    { rule: 'at most `attempts` attempts (3 by default), then the last error', errors: [new Passing(), new Passing(), new Passing()], throws: Passing, calls: 3 },
    { rule: '`attempts: 1` never retries', errors: [new Passing()], options: { attempts: 1 }, throws: Passing, calls: 1 },
    { rule: 'Infinity attempts go on until success', errors: Array.from({ length: 7 }, () => new Passing()), options: { attempts: Infinity }, result: 'ok', calls: 8 },
    { rule: 'no attempt starts at or after `until`', errors: [new Passing(), new Passing()], options: { attempts: Infinity, until: 0 }, throws: Passing, calls: 1 },
  ];
  for (const c of cases) {
    test(c.rule, async () => {
      const op = flaky(c.errors);
      const run = retry(op.attempt, { ...base, ...c.options });
      if (c.throws) await assert.rejects(run, c.throws);
      else assert.equal(await run, c.result);
      assert.equal(op.calls(), c.calls);
    });
  }

  test('the pause is asked for with the retry number and the error, and announced first', async () => {
    const errors = [new Passing('one'), new Passing('two')];
    const asked: string[] = [];
    const told: string[] = [];
    await retry(flaky(errors).attempt, {
      ...base,
      delayMs: (n, e) => (asked.push(`${n} ${(e as Error).message}`), n),
      onRetry: (e, n, ms) => told.push(`${n} ${(e as Error).message} ${ms}`),
    });
    assert.deepEqual(asked, ['1 one', '2 two']);
    assert.deepEqual(told, ['1 one 1', '2 two 2']);
  });

  test('`until` is checked against the clock given', async () => {
    let clock = 0;
    const op = flaky([new Passing(), new Passing(), new Passing()]);
    await assert.rejects(retry(op.attempt, { ...base, attempts: Infinity, until: 1, now: () => clock++ }), Passing);
    assert.equal(op.calls(), 2, 'after the first failure the clock reads 0 (retry), after the second 1 (stop)');
  });

  test('an abort during a pause ends it: no attempt follows, the last error is thrown', async () => {
    const abort = new AbortController();
    const op = flaky([new Passing('first'), new Passing('second')]);
    const run = retry(op.attempt, { ...base, attempts: Infinity, delayMs: () => 60_000, signal: abort.signal, onRetry: () => abort.abort() });
    await assert.rejects(run, /first/);
    assert.equal(op.calls(), 1);
  });

  test('an aborted signal means no retry, even of a passing error', async () => {
    const abort = new AbortController();
    abort.abort();
    const op = flaky([new Passing()]);
    await assert.rejects(retry(op.attempt, { ...base, signal: abort.signal }), Passing);
    assert.equal(op.calls(), 1);
  });
});
