import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { globMatch, hasWildcard } from '../../source/domain/glob.js';

const cases: { rule: string; pattern: string; value: string; want: boolean }[] = [
  { rule: 'no wildcard: literal, whole string', pattern: 'prod', value: 'prod', want: true },
  { rule: 'match is anchored at the end', pattern: 'prod', value: 'prod-metrics', want: false },
  { rule: 'match is anchored at the start', pattern: 'prod', value: 'xprod', want: false },
  { rule: '`*` matches the empty run', pattern: 'prod*', value: 'prod', want: true },
  { rule: '`*` matches any run', pattern: 'prod*', value: 'prod-metrics', want: true },
  { rule: '`*` at the start', pattern: '*dev', value: 'team-dev', want: true },
  { rule: '`*` at the start is still anchored at the end', pattern: '*dev', value: 'dev-team', want: false },
  { rule: '`*` in the middle', pattern: 'a*z', value: 'abcz', want: true },
  { rule: 'lone `*` matches everything, even empty', pattern: '*', value: '', want: true },
  { rule: '`?` matches exactly one character', pattern: 'value?', value: 'valuea', want: true },
  { rule: '`?` does not match zero characters', pattern: 'value?', value: 'value', want: false },
  { rule: '`?` does not match two characters', pattern: 'value?', value: 'value-a', want: false },
  { rule: '`?` matches one non-ASCII character', pattern: 'x?', value: 'x😀', want: true },
  { rule: 'wildcards combine (`*?` needs at least one char)', pattern: 'frontend*?', value: 'frontend', want: false },
  { rule: 'wildcards combine (`*?` needs at least one char)', pattern: 'frontend*?', value: 'frontend1', want: true },
  { rule: 'backtracking over several `*`', pattern: 'a*b*c', value: 'axxbyybzc', want: true },
  { rule: 'backtracking over several `*` can fail', pattern: 'a*b*c', value: 'axxcyyb', want: false },
  { rule: 'matching is case-sensitive', pattern: 'Prod', value: 'prod', want: false },
  { rule: 'regex metacharacters are literal', pattern: 'a.b', value: 'axb', want: false },
  { rule: 'regex metacharacters are literal', pattern: 'a.b+', value: 'a.b+', want: true },
  { rule: 'no bracket syntax: `[` is literal', pattern: '[ab]', value: 'a', want: false },
  { rule: 'no bracket syntax: `[` is literal', pattern: '[ab]', value: '[ab]', want: true },
  { rule: 'no brace syntax: `{` is literal', pattern: '{a,b}', value: 'a', want: false },
  { rule: 'empty pattern matches only empty', pattern: '', value: 'x', want: false },
];

describe('globMatch', () => {
  for (const c of cases) {
    test(`${c.rule}: ${JSON.stringify(c.pattern)} vs ${JSON.stringify(c.value)}`, () => {
      assert.equal(globMatch(c.pattern, c.value), c.want);
      // second call goes through the compiled-pattern cache
      assert.equal(globMatch(c.pattern, c.value), c.want);
    });
  }

  // A backtracking matcher would take astronomically long here; the timeout only guards a hang.
  test('pathological patterns terminate (no regex backtracking blow-up)', { timeout: 20_000 }, () => {
    assert.equal(globMatch('a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
  });

  test('hasWildcard detects `*` and `?` only', () => {
    assert.equal(hasWildcard('a*'), true);
    assert.equal(hasWildcard('a?'), true);
    assert.equal(hasWildcard('a.b[c]'), false);
  });
});
