import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeSelector, explainSelectorMiss, profileMatches, selectorMatches } from '../../source/domain/matching.js';
import type { Selector } from '../../source/domain/types.js';
import { pod, profile } from '../helpers/records.js';

const cases: { rule: string; sel: Selector; ns?: string; labels?: Record<string, string>; want: boolean }[] = [
  { rule: 'selector namespace is required and anchored', sel: { namespace: 'prod' }, ns: 'prod', want: true },
  { rule: 'selector namespace is required and anchored', sel: { namespace: 'prod' }, ns: 'prod-metrics', want: false },
  { rule: 'an empty namespace selects nothing (EKS requires one)', sel: { namespace: '' }, ns: '', want: false },
  { rule: 'namespace may use `*`', sel: { namespace: 'prod*' }, ns: 'prod-metrics', want: true },
  { rule: 'namespace may use `?`', sel: { namespace: 'team-?' }, ns: 'team-a', want: true },
  { rule: 'namespace may use `?`', sel: { namespace: 'team-?' }, ns: 'team-ab', want: false },
  { rule: 'no labels: selects every pod in the namespace', sel: { namespace: 'dev' }, ns: 'dev', labels: { a: '1' }, want: true },
  { rule: 'empty labels map: selects every pod in the namespace', sel: { namespace: 'dev', labels: {} }, ns: 'dev', want: true },
  { rule: 'labels within a selector are ANDed', sel: { namespace: 'dev', labels: { env: 'dev', checks: 'passed' } }, ns: 'dev', labels: { env: 'dev' }, want: false },
  { rule: 'labels within a selector are ANDed', sel: { namespace: 'dev', labels: { env: 'dev', checks: 'passed' } }, ns: 'dev', labels: { env: 'dev', checks: 'passed' }, want: true },
  { rule: 'extra pod labels are irrelevant', sel: { namespace: 'dev', labels: { env: 'dev' } }, ns: 'dev', labels: { env: 'dev', x: 'y' }, want: true },
  { rule: 'namespace AND labels: labels alone are not enough', sel: { namespace: 'dev', labels: { env: 'dev' } }, ns: 'prod', labels: { env: 'dev' }, want: false },
  { rule: 'label value must match', sel: { namespace: 'dev', labels: { env: 'dev' } }, ns: 'dev', labels: { env: 'prod' }, want: false },
  { rule: 'label values may use wildcards', sel: { namespace: 'dev', labels: { env: 'dev-*' } }, ns: 'dev', labels: { env: 'dev-1' }, want: true },
  { rule: 'wildcard label keys: some pod label with a matching key has a matching value', sel: { namespace: 'x', labels: { 'key?': 'value?' } }, ns: 'x', labels: { keya: 'valuea' }, want: true },
  { rule: 'wildcard label keys: some pod label with a matching key has a matching value', sel: { namespace: 'x', labels: { 'key?': 'value?' } }, ns: 'x', labels: { keya: 'nope', keyb: 'valueb' }, want: true },
  { rule: 'wildcard label keys: key matches but no value does', sel: { namespace: 'x', labels: { 'key?': 'value?' } }, ns: 'x', labels: { keya: 'value' }, want: false },
  { rule: 'label matching is case-sensitive', sel: { namespace: 'x', labels: { App: 'web' } }, ns: 'x', labels: { app: 'web' }, want: false },
];

describe('selectorMatches', () => {
  for (const c of cases) {
    test(`${c.rule}: ${describeSelector(c.sel)} vs ${c.ns} ${JSON.stringify(c.labels ?? {})}`, () => {
      const r = selectorMatches(c.sel, pod({ namespace: c.ns ?? 'default', labels: c.labels ?? {} }));
      assert.equal(r.matched, c.want);
      assert.equal(r.detail.matched, c.want);
    });
  }

  test('explanation: which pod label satisfied each pair', () => {
    const r = selectorMatches({ namespace: 'x*', labels: { 'app*': 'web' } }, pod({ namespace: 'xy', labels: { apple: 'web' } }), 2);
    assert.deepEqual(r.detail.namespace, { pattern: 'x*', value: 'xy', matched: true });
    assert.equal(r.detail.index, 2);
    assert.deepEqual(r.detail.labels[0]?.satisfiedBy, { key: 'apple', value: 'web' });
  });

  test('explanation: missing label vs mismatched value', () => {
    const r = selectorMatches({ namespace: 'a', labels: { env: 'dev', tier: 'web' } }, pod({ namespace: 'b', labels: { env: 'prod' } }));
    assert.equal(r.detail.namespace.matched, false);
    assert.equal(r.detail.labels[0]?.problem, 'mismatch');
    assert.deepEqual(r.detail.labels[0]?.podValues, [{ key: 'env', value: 'prod' }]);
    assert.equal(r.detail.labels[1]?.problem, 'missing');
    assert.deepEqual(explainSelectorMiss(r.detail), [
      'namespace a does not match b',
      'label env=dev: pod has env=prod',
      'label tier=web: pod has no such label',
    ]);
  });
});

describe('profileMatches', () => {
  const p = profile('fp', [{ namespace: 'a' }, { namespace: 'b', labels: { x: '1' } }]);
  const cases2: { rule: string; ns: string; labels?: Record<string, string>; want: boolean; which: number[] }[] = [
    { rule: 'selectors are ORed: first selector', ns: 'a', want: true, which: [0] },
    { rule: 'selectors are ORed: second selector', ns: 'b', labels: { x: '1' }, want: true, which: [1] },
    { rule: 'selectors are ORed: none matches', ns: 'b', want: false, which: [] },
  ];
  for (const c of cases2) {
    test(c.rule, () => {
      const r = profileMatches(p, pod({ namespace: c.ns, labels: c.labels ?? {} }));
      assert.equal(r.matched, c.want);
      assert.deepEqual(r.matchedSelectors, c.which);
      assert.equal(r.selectors.length, 2);
    });
  }
});
