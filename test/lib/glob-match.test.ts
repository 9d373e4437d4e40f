import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, isGlob } from '../../source/lib/glob-match.js';

const cases: Array<{ rule: string; pattern: string; matches: string[]; misses: string[] }> = [
  { rule: '* is any run of characters, also none', pattern: 'prod-*', matches: ['prod-', 'prod-a', 'prod-eu-west-1'], misses: ['prod', 'xprod-a'] },
  { rule: '? is exactly one character', pattern: 'stage-?', matches: ['stage-1'], misses: ['stage-', 'stage-12'] },
  { rule: 'regex characters match themselves (ARN context names)', pattern: 'arn:aws:eks:*:cluster/prod.*', matches: ['arn:aws:eks:us-east-1:111122223333:cluster/prod.x'], misses: ['arn:aws:eks:us-east-1:111122223333:cluster/prodx'] },
  { rule: 'the whole name must match', pattern: '*a', matches: ['a', 'ba'], misses: ['ab'] },
];
for (const { rule, pattern, matches, misses } of cases) {
  test(rule, () => {
    const regex = globToRegExp(pattern);
    for (const name of matches) assert.ok(regex.test(name), `${pattern} matches ${name}`);
    for (const name of misses) assert.ok(!regex.test(name), `${pattern} does not match ${name}`);
  });
}

test('only * and ? make a glob', () => {
  assert.equal(isGlob('prod-*'), true);
  assert.equal(isGlob('a?'), true);
  assert.equal(isGlob('arn:aws:eks:us-east-1:1:cluster/x'), false);
});
