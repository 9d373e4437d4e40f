// The what-if of a profile change (create, delete, replace) on the scene's cluster, before
// anything is sent: which pods a new profile would capture, which would move on a reschedule,
// where a deleted profile's pods go. Each case names the EKS rule it rests on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileSpec } from '../../source/domain/profile-spec.js';
import type { Selector } from '../../source/domain/types.js';
import { createWhatIf, creatingRivals, fatesWithout, proposedProfile, takeoverProblems, whatIfView } from '../../source/view-model/profile-what-if.js';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { sceneProfile, sceneStore, SCENE_PROFILES } from '../helpers/scene.js';

const ROLE = 'arn:aws:iam::111122223333:role/eks-fargate-pods';
const spec = (name: string, selectors: Selector[]): ProfileSpec => ({ name, selectors, podExecutionRoleArn: ROLE, subnets: [], tags: {} });
const snapshot = () => {
  const store = sceneStore();
  try {
    return store.flush();
  } finally {
    store.dispose();
  }
};

describe('create: what a new profile would capture', () => {
  const cases: { rule: string; spec: ProfileSpec; captures: string[]; moves: string[] }[] = [
    {
      rule: 'a namespace selector takes the pods of that namespace (not the completed Job pod, never re-created); a controller pod on EC2 would move',
      spec: spec('fp-batch', [{ namespace: 'batch' }]),
      captures: ['batch/worker'],
      moves: ['batch/worker'],
    },
    {
      rule: 'EKS picks the alphabetically first matching profile: one sorting after fp-default takes nothing',
      spec: spec('fp-zzz', [{ namespace: 'default' }]),
      captures: [],
      moves: [],
    },
    {
      rule: 'EKS picks the alphabetically first matching profile: one sorting before fp-default takes its pods, and they move',
      spec: spec('fp-aaa', [{ namespace: 'default' }]),
      captures: ['default/web-1', 'default/web-2'],
      moves: ['default/web-1', 'default/web-2'],
    },
    {
      rule: 'labels within a selector are ANDed: a label the pod lacks takes nothing',
      spec: spec('fp-new', [{ namespace: 'batch', labels: { app: 'worker' } }]),
      captures: [],
      moves: [],
    },
    {
      rule: 'a wildcard namespace matches (* any run of characters)',
      spec: spec('fp-b', [{ namespace: 'b*' }]),
      captures: ['batch/worker'],
      moves: ['batch/worker'],
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const after = whatIfView(snapshot(), { add: [proposedProfile(c.spec)] });
      const whatIf = createWhatIf(after, c.spec.name);
      assert.deepEqual(whatIf.captures.map((v) => v.key).sort(), c.captures);
      assert.deepEqual(whatIf.moves.map((v) => v.key).sort(), c.moves);
    });
  }

  test('the snapshot itself is untouched (the what-if is a copy)', () => {
    const s = snapshot();
    whatIfView(s, { add: [proposedProfile(spec('fp-aaa', [{ namespace: 'default' }]))], remove: ['fp-default'] });
    assert.deepEqual(s.profiles.map((p) => p.name), SCENE_PROFILES.map((p) => p.name));
  });

  test('a CREATING profile that sorts first will take the pods once ACTIVE: named as a rival', () => {
    const s = snapshot();
    const rival = { ...s, profiles: [...s.profiles, sceneProfile('fp-a-batch', [{ namespace: 'batch' }], { status: 'CREATING' })] };
    assert.deepEqual([...creatingRivals(rival, proposedProfile(spec('fp-batch', [{ namespace: 'batch' }])))], [['fp-a-batch', ['batch/worker']]]);
    assert.deepEqual([...creatingRivals(rival, proposedProfile(spec('fp-a', [{ namespace: 'batch' }])))], [], 'fp-a sorts before it: no rival');
  });
});

describe('delete: where a deleted profile\'s pods go', () => {
  test('EKS stops the pods it launched; with no other profile matching, their replacements go to EC2', () => {
    const s = snapshot();
    const fates = fatesWithout(buildClusterView(s), whatIfView(s, { remove: ['fp-default'] }), 'fp-default');
    assert.deepEqual(
      fates.map((f) => [f.view.key, f.next, f.bare]),
      [
        ['default/web-1', null, false],
        ['default/web-2', null, false],
      ],
    );
  });

  test('another profile matching takes them; a bare pod is marked bare (it is lost, not replaced)', () => {
    const s = snapshot();
    const withOther = { ...s, profiles: [...s.profiles, sceneProfile('fp-zz-default', [{ namespace: 'default' }])] };
    const bare = new Map(s.pods);
    const web1 = bare.get('default/web-1')!;
    bare.set('default/web-1', { ...web1, owner: null });
    const before = { ...withOther, pods: bare };
    const fates = fatesWithout(buildClusterView(before), whatIfView(before, { remove: ['fp-default'] }), 'fp-default');
    assert.deepEqual(
      fates.map((f) => [f.view.key, f.next, f.bare]),
      [
        ['default/web-1', 'fp-zz-default', true],
        ['default/web-2', 'fp-zz-default', false],
      ],
    );
  });
});

describe('replace: NEW must be what EKS picks for every pod OLD runs', () => {
  const cases: { rule: string; spec: ProfileSpec; problems: RegExp[] }[] = [
    { rule: 'the same namespace: NEW takes them all', spec: spec('fp-default-v2', [{ namespace: 'default' }]), problems: [] },
    {
      rule: 'labels are ANDed: a label the pods lack leaves them to EC2',
      spec: spec('fp-default-v2', [{ namespace: 'default', labels: { tier: 'web' } }]),
      problems: [/^default\/web-1 would go to EC2 \(/, /^default\/web-2 would go to EC2 \(/],
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const s = snapshot();
      const problems = takeoverProblems(buildClusterView(s), whatIfView(s, { add: [proposedProfile(c.spec)], remove: ['fp-default'] }), 'fp-default', c.spec.name);
      assert.equal(problems.length, c.problems.length, problems.join('\n'));
      c.problems.forEach((re, i) => assert.match(problems[i]!, re));
    });
  }

  test('another profile sorting before NEW would win: named, with EKS\'s rule', () => {
    const s = snapshot();
    const withOther = { ...s, profiles: [...s.profiles, sceneProfile('fp-a-default', [{ namespace: 'default' }], { createdAt: 0 })] };
    // fp-a-default sorts before fp-default itself, so it already runs nothing; it sorts before NEW too.
    const problems = takeoverProblems(buildClusterView(withOther), whatIfView(withOther, { add: [proposedProfile(spec('fp-default-v2', [{ namespace: 'default' }]))], remove: ['fp-default'] }), 'fp-default', 'fp-default-v2');
    assert.equal(problems.length, 2, problems.join('\n'));
    for (const p of problems) assert.match(p, /would go to profile fp-a-default \(fp-a-default sorts before fp-default-v2: EKS picks the alphabetically first\)/);
  });
});
