// Controller-owned pods are judged by the pod their controller would create (spec §2.1: EKS
// decides at creation, from the new pod's labels, which come from the owner's pod template).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseProfile } from '../../source/domain/choose.js';
import { placePod } from '../../source/domain/placement.js';
import { replacementSubject, templateKey } from '../../source/domain/replacement.js';
import type { OwnerTemplateRecord, PlacementContext, PodRecord, Profile, TemplateOwnerKind, Verdict } from '../../source/domain/types.js';
import { ctx, fargatePod, pod, profile } from '../helpers/records.js';

const PIN = 'eks.amazonaws.com/fargate-profile';
const RS = { kind: 'ReplicaSet', name: 'api-5d4f8' };

function templates(records: OwnerTemplateRecord[], read: Partial<Record<TemplateOwnerKind, string | null>> = { ReplicaSet: null, StatefulSet: null, Job: null }): Partial<PlacementContext> {
  return {
    templates: new Map(records.map((r) => [templateKey(r.namespace, r.kind, r.name), r])),
    templatesRead: new Map(Object.entries(read) as [TemplateOwnerKind, string | null][]),
  };
}
const template = (labels: Record<string, string>, o: Partial<OwnerTemplateRecord> = {}): OwnerTemplateRecord => ({
  namespace: 'apps',
  kind: 'ReplicaSet',
  name: 'api-5d4f8',
  templateLabels: labels,
  ...o,
});

// fp-a sorts before fp-b; both select namespace apps.
const BOTH = [profile('fp-a', 'apps'), profile('fp-b', 'apps')];

interface Case {
  rule: string;
  pod: PodRecord;
  profiles: Profile[];
  ctx: Partial<PlacementContext>;
  expected: string | null;
  verdict: Verdict;
  reason?: RegExp;
  noReason?: RegExp;
  pinned?: string | null;
}

const cases: Case[] = [
  {
    rule: "a ReplicaSet whose template pins a profile: its pod under that profile is ok, though another sorts first (the template's pin is a user pin)",
    pod: fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'api', [PIN]: 'fp-b' })]),
    expected: 'fp-b',
    verdict: 'ok',
    pinned: 'fp-b',
    reason: /the pod template of ReplicaSet api-5d4f8 pins profile fp-b .*a replacement is pinned to it too/,
  },
  {
    rule: 'without its template the same pod looks drifted (the recorded profile label is not a pin)',
    pod: fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: {},
    expected: 'fp-a',
    verdict: 'reschedule',
    pinned: null,
  },
  {
    rule: 'hand-edited pod labels: a replacement gets the template\'s, so a selector on them decides by the template',
    pod: pod({ namespace: 'apps', owner: RS, labels: { app: 'api', compute: 'fargate' } }),
    profiles: [profile('fp-labelled', [{ namespace: 'apps', labels: { compute: 'fargate' } }])],
    ctx: templates([template({ app: 'api' })]),
    expected: null,
    verdict: 'ok',
    reason: /its labels differ from the pod template of ReplicaSet api-5d4f8, which a replacement gets \(compute: template none, pod fargate\): judged by the template/,
  },
  {
    rule: 'a template label missing on the pod counts: a replacement would match the selector',
    pod: pod({ namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: [profile('fp-labelled', [{ namespace: 'apps', labels: { compute: 'fargate' } }])],
    ctx: templates([template({ app: 'api', compute: 'fargate' })]),
    expected: 'fp-labelled',
    verdict: 'reschedule',
    reason: /compute: template fargate, pod none/,
  },
  {
    rule: 'a pin added by hand to a pod is not in its template: a replacement is not pinned',
    pod: pod({ namespace: 'apps', owner: RS, labels: { app: 'api', [PIN]: 'fp-b' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'api' })]),
    expected: 'fp-a',
    verdict: 'reschedule',
    pinned: null,
    reason: new RegExp(`${PIN}: template none, pod fp-b`),
  },
  {
    rule: 'a template pinning a profile that does not select the namespace keeps a replacement off Fargate',
    pod: fargatePod('fp-a', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: [...BOTH, profile('fp-other', 'other')],
    ctx: templates([template({ app: 'api', [PIN]: 'fp-other' })]),
    expected: null,
    verdict: 'reschedule',
    reason: /pinned to profile fp-other .*does not select it/,
  },
  {
    rule: 'labels the same as the template: nothing extra is said',
    pod: fargatePod('fp-a', { namespace: 'apps', owner: RS, labels: { app: 'api', 'pod-template-hash': '5d4f8' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'api', 'pod-template-hash': '5d4f8' })]),
    expected: 'fp-a',
    verdict: 'ok',
    noReason: /template/,
  },
  {
    rule: 'StatefulSet pods: labels the controller writes on each pod (pod-name, revision hash) are no difference',
    pod: pod({
      namespace: 'apps',
      owner: { kind: 'StatefulSet', name: 'db' },
      labels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0', 'controller-revision-hash': 'db-7f9', 'apps.kubernetes.io/pod-index': '0' },
    }),
    profiles: [profile('fp-db', [{ namespace: 'apps', labels: { 'statefulset.kubernetes.io/pod-name': 'db-0' } }])],
    ctx: templates([template({ app: 'db' }, { kind: 'StatefulSet', name: 'db' })]),
    expected: 'fp-db',
    verdict: 'reschedule',
    noReason: /differ/,
  },
  {
    rule: 'Job pods: the job-name and controller-uid labels are no difference',
    pod: pod({ namespace: 'apps', owner: { kind: 'Job', name: 'report' }, labels: { app: 'report', 'job-name': 'report', 'batch.kubernetes.io/job-name': 'report', 'controller-uid': 'u1' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'report' }, { kind: 'Job', name: 'report' })]),
    expected: 'fp-a',
    verdict: 'reschedule',
    noReason: /differ/,
  },
  {
    rule: 'a template that cannot be read (RBAC): judged by the pod\'s own labels, and said so',
    pod: fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: templates([], { ReplicaSet: 'forbidden' }),
    expected: 'fp-a',
    verdict: 'reschedule',
    reason: /cannot read the pod template of ReplicaSet api-5d4f8 \(forbidden\): judged by the pod's own labels, which a replacement may not have/,
  },
  {
    rule: 'a template that was not found: judged by the pod\'s own labels, and said so',
    pod: fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'api' }, { name: 'other-rs' })]),
    expected: 'fp-a',
    verdict: 'reschedule',
    reason: /the pod template of ReplicaSet api-5d4f8 was not found: judged by the pod's own labels/,
  },
  {
    rule: 'owner kinds without a template we read (a custom controller) are judged by the pod\'s own labels',
    pod: fargatePod('fp-b', { namespace: 'apps', owner: { kind: 'Rollout', name: 'api' }, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: templates([]),
    expected: 'fp-a',
    verdict: 'reschedule',
    noReason: /template/,
  },
  {
    rule: 'a template of another namespace is not the owner\'s',
    pod: fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } }),
    profiles: BOTH,
    ctx: templates([template({ app: 'api', [PIN]: 'fp-b' }, { namespace: 'other' })]),
    expected: 'fp-a',
    verdict: 'reschedule',
    reason: /was not found/,
  },
];

describe('controller-owned pods are judged by their owner\'s pod template', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const p = placePod(c.pod, ctx(c.profiles, c.ctx));
      const why = p.reasons.join('\n');
      assert.equal(p.expectedProfile, c.expected, why);
      assert.equal(p.verdict, c.verdict, why);
      assert.equal(p.needsReschedule, c.verdict === 'reschedule', why);
      if (c.pinned !== undefined) assert.equal(p.pinnedProfile, c.pinned);
      if (c.reason) assert.match(why, c.reason);
      if (c.noReason) assert.doesNotMatch(why, c.noReason);
    });
  }

  test('the placement carries what was judged, so the detail view explains the same choice', () => {
    const record = fargatePod('fp-b', { namespace: 'apps', owner: RS, labels: { app: 'api' } });
    const context = ctx(BOTH, templates([template({ app: 'api', [PIN]: 'fp-b' })]));
    const p = placePod(record, context);
    assert.ok(p.subject);
    assert.equal(chooseProfile(p.subject, BOTH).expected, 'fp-b');
    assert.equal(placePod(record, ctx(BOTH)).subject, undefined, 'no template read: the pod itself');
  });

  test('a replacement has not met the webhook yet: its labels are the template\'s plus the per-pod controller labels', () => {
    const r = replacementSubject(
      pod({ namespace: 'apps', owner: { kind: 'StatefulSet', name: 'db' }, schedulerName: 'fargate-scheduler', labels: { app: 'x', 'statefulset.kubernetes.io/pod-name': 'db-1', [PIN]: 'fp-a' } }),
      templates([template({ app: 'db' }, { kind: 'StatefulSet', name: 'db' })]),
    );
    assert.equal(r.fromTemplate, true);
    assert.deepEqual(r.subject.labels, { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-1' });
    assert.equal(r.subject.schedulerName, 'default-scheduler');
    assert.equal(r.subject.appliedProfileLabel, null);
  });
});

describe('template reasons are given only where a re-creation is in question', () => {
  test('a terminating pod whose scaled-down ReplicaSet is no longer listed says nothing about its template', () => {
    const p = placePod(fargatePod('fp-a', { namespace: 'apps', owner: RS, labels: { app: 'api' }, deleting: true }), ctx(BOTH, templates([])));
    assert.equal(p.verdict, 'ok');
    assert.doesNotMatch(p.reasons.join('\n'), /template/);
  });
});
