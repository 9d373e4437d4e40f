// A new profile's EKS rules, its selector text, and the defaults taken from ACTIVE profiles.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { agreedRole, agreedSubnets } from '../../source/domain/profile-defaults.js';
import { parseSelectorText, selectorText, SpecError, specProblems, type ProfileSpec } from '../../source/domain/profile-spec.js';
import type { Profile } from '../../source/domain/types.js';

const ROLE = 'arn:aws:iam::111122223333:role/FargatePodExecRole';
const spec = (o: Partial<ProfileSpec> = {}): ProfileSpec => ({ name: 'fp-apps', selectors: [{ namespace: 'apps' }], podExecutionRoleArn: ROLE, subnets: [], tags: {}, ...o });

describe('selector text NS[:key=value,...]', () => {
  const ok: { rule: string; text: string; want: ReturnType<typeof parseSelectorText> }[] = [
    { rule: 'a namespace alone selects every pod there', text: 'test', want: { namespace: 'test' } },
    { rule: 'labels after a colon, ANDed', text: 'test:tier=web,track=v2', want: { namespace: 'test', labels: { tier: 'web', track: 'v2' } } },
    { rule: 'wildcards * and ? in namespace, key and value', text: 'prod-*:app?=web*', want: { namespace: 'prod-*', labels: { 'app?': 'web*' } } },
    { rule: 'prefixed label keys', text: 'apps:app.kubernetes.io/name=web', want: { namespace: 'apps', labels: { 'app.kubernetes.io/name': 'web' } } },
    { rule: 'an empty label value is a value', text: 'apps:canary=', want: { namespace: 'apps', labels: { canary: '' } } },
  ];
  for (const c of ok) test(c.rule, () => assert.deepEqual(parseSelectorText(c.text), c.want));

  const bad: { rule: string; text: string; problem: RegExp }[] = [
    { rule: 'every selector needs a namespace', text: '', problem: /names no namespace/ },
    { rule: 'every selector needs a namespace (labels only)', text: ':app=web', problem: /names no namespace/ },
    { rule: 'kubectl label selector typed by habit: the namespace comes first', text: 'app=web', problem: /a namespace comes first/ },
    { rule: 'namespaces are lower-case DNS labels', text: 'Apps', problem: /not a namespace name/ },
    { rule: 'a label pair needs =', text: 'apps:web', problem: /not a label key=value/ },
    { rule: 'no label twice', text: 'apps:a=1,a=2', problem: /given twice/ },
    { rule: 'label values have no spaces', text: 'apps:a=b c', problem: /not a label value/ },
  ];
  for (const c of bad) {
    test(`refused: ${c.rule}`, () => {
      assert.throws(() => parseSelectorText(c.text), (e: unknown) => e instanceof SpecError && c.problem.test(e.detail.problem) && e.detail.hint.length > 0);
    });
  }

  test('the text form reads back as the same selector (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9*?-]{0,10}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9*?_.-]{0,8}$/);
    fc.assert(
      fc.property(word, fc.dictionary(word, value, { maxKeys: 5 }), (namespace, labels) => {
        const selector = Object.keys(labels).length > 0 ? { namespace, labels: { ...labels } } : { namespace };
        assert.deepEqual(parseSelectorText(selectorText(selector)), selector);
      }),
      { numRuns: 200 },
    );
  });
});

describe('EKS rules for a new profile', () => {
  const cases: { rule: string; spec: ProfileSpec; problem: RegExp | null }[] = [
    { rule: 'a plain profile is fine', spec: spec(), problem: null },
    { rule: 'the eks- prefix is reserved for AWS (eksctl ReservedProfileNamePrefix)', spec: spec({ name: 'eks-apps' }), problem: /reserved by AWS/ },
    { rule: 'names start with a letter or digit', spec: spec({ name: '-apps' }), problem: /invalid profile name/ },
    { rule: 'names hold letters, digits, - and _ only', spec: spec({ name: 'fp.apps' }), problem: /invalid profile name/ },
    { rule: 'names are at most 100 characters', spec: spec({ name: 'a'.repeat(101) }), problem: /invalid profile name/ },
    { rule: 'at least one selector', spec: spec({ selectors: [] }), problem: /at least one selector/ },
    { rule: 'at most 5 selectors (UG-quota)', spec: spec({ selectors: ['a', 'b', 'c', 'd', 'e', 'f'].map((namespace) => ({ namespace })) }), problem: /6 selectors; EKS allows at most 5/ },
    { rule: 'at most 5 label pairs per selector (UG-quota)', spec: spec({ selectors: [{ namespace: 'a', labels: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } }] }), problem: /6 label pairs/ },
    { rule: 'the same selector twice is a mistake', spec: spec({ selectors: [{ namespace: 'a' }, { namespace: 'a' }] }), problem: /given twice/ },
    { rule: 'the pod execution role is an IAM role ARN', spec: spec({ podExecutionRoleArn: 'FargatePodExecRole' }), problem: /not an IAM role ARN/ },
    { rule: 'a role ARN with an IAM path is refused (UG-gs)', spec: spec({ podExecutionRoleArn: 'arn:aws:iam::111122223333:role/team/FargatePodExecRole' }), problem: /has an IAM path/ },
    { rule: 'a role ARN of another partition is fine', spec: spec({ podExecutionRoleArn: 'arn:aws-cn:iam::111122223333:role/x' }), problem: null },
    { rule: 'subnets are subnet IDs', spec: spec({ subnets: ['10.0.1.0/24'] }), problem: /not a subnet ID/ },
    { rule: 'tag keys may not use the aws: prefix', spec: spec({ tags: { 'aws:team': 'x' } }), problem: /reserved for AWS/ },
    { rule: 'tag values are at most 256 characters', spec: spec({ tags: { team: 'x'.repeat(257) } }), problem: /longer than 256/ },
    { rule: 'at most 50 tags', spec: spec({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }), problem: /51 tags/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const first = specProblems(c.spec)[0];
      if (c.problem === null) assert.equal(first, undefined);
      else {
        assert.match(first?.problem ?? '(none)', c.problem);
        assert.ok(first!.hint.length > 0, 'every problem says what to do');
      }
    });
  }
});

describe('defaults from the ACTIVE profiles', () => {
  const p = (name: string, o: Partial<Profile> = {}): Profile => ({ name, status: 'ACTIVE', selectors: [{ namespace: name }], subnets: ['subnet-0a', 'subnet-0b'], podExecutionRoleArn: ROLE, source: 'eks', ...o });
  test('they all agree: taken', () => {
    assert.deepEqual(agreedRole([p('a'), p('b')]), { kind: 'agreed', value: ROLE, from: ['a', 'b'] });
    assert.deepEqual(agreedSubnets([p('a'), p('b', { subnets: ['subnet-0b', 'subnet-0a'] })]), { kind: 'agreed', value: ['subnet-0a', 'subnet-0b'], from: ['a', 'b'] });
  });
  test('they differ: each value with its profiles (the value is then required)', () => {
    const r = agreedRole([p('a'), p('b', { podExecutionRoleArn: 'arn:aws:iam::111122223333:role/Other' })]);
    assert.equal(r.kind, 'differ');
  });
  test('only ACTIVE live profiles count: CREATING, DELETING, failed and --profiles-file ones do not', () => {
    const others = [p('c', { status: 'CREATING', podExecutionRoleArn: 'x' }), p('d', { status: 'DELETING', podExecutionRoleArn: 'y' }), p('e', { status: 'CREATE_FAILED', podExecutionRoleArn: 'z' }), p('f', { source: 'file', podExecutionRoleArn: 'w' })];
    assert.deepEqual(agreedRole([p('a'), ...others]), { kind: 'agreed', value: ROLE, from: ['a'] });
    assert.deepEqual(agreedRole(others), { kind: 'none' });
  });
});
