import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { differenceText, lastAppliedDifferences } from '../../source/domain/recreate-diff.js';
import { manifestSourceFor } from '../../source/domain/recreate.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const applied = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'test', labels: { app: 'web' } },
  spec: {
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '0.5', memory: '1Gi' } }, env: [{ name: 'MODE', value: 'prod' }] }],
    tolerations: [{ key: 'team', operator: 'Exists' }],
  },
};

/** The pod as the API server returns it after `kubectl apply` of `applied`: defaults filled in. */
function live(change: (pod: any) => void = () => {}): any {
  const pod: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'test',
      uid: 'u1',
      resourceVersion: '9',
      labels: { app: 'web' },
      annotations: { [LAST_APPLIED]: JSON.stringify(applied) },
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: { requests: { cpu: '500m', memory: '1Gi' } },
          env: [{ name: 'MODE', value: 'prod' }],
          terminationMessagePath: '/dev/termination-log',
          volumeMounts: [{ name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      nodeName: 'ip-10-0-1-1.ec2.internal',
      tolerations: [
        { key: 'team', operator: 'Exists' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [{ name: 'kube-api-access-abcde', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }],
    },
    status: { phase: 'Running' },
  };
  change(pod);
  return pod;
}

describe('lastAppliedDifferences: what --from last-applied would change', () => {
  const cases: { rule: string; pod: any; expected: string[] | null }[] = [
    { rule: 'no last-applied-configuration: nothing to compare (null)', pod: live((p) => delete p.metadata.annotations), expected: null },
    { rule: 'server defaults (imagePullPolicy, dnsPolicy, protocol: TCP, default tolerations, token volume) are not differences', pod: live(), expected: [] },
    { rule: 'a quantity the server rewrote (cpu 0.5 -> 500m) is the same quantity', pod: live(), expected: [] },
    {
      rule: '`kubectl set image` since the apply: the container image differs',
      pod: live((p) => (p.spec.containers[0].image = 'nginx:1.28')),
      expected: ['spec.containers[web].image: last-applied nginx:1.27, live nginx:1.28'],
    },
    {
      rule: '`kubectl label` since the apply: a live-only label is a difference',
      pod: live((p) => (p.metadata.labels.tier = 'front')),
      expected: ['metadata.labels.tier: last-applied (none), live front'],
    },
    {
      rule: 'a label removed since the apply',
      pod: live((p) => (p.metadata.labels = {})),
      expected: ['metadata.labels.app: last-applied web, live (none)'],
    },
    {
      rule: '`kubectl annotate` since the apply: a live-only annotation is a difference',
      pod: live((p) => (p.metadata.annotations.owner = 'team-a')),
      expected: ['metadata.annotations.owner: last-applied (none), live team-a'],
    },
    {
      rule: 'an in-place resize: the request differs',
      pod: live((p) => (p.spec.containers[0].resources.requests.memory = '2Gi')),
      expected: ['spec.containers[web].resources.requests.memory: last-applied 1Gi, live 2Gi'],
    },
    {
      rule: 'a toleration added to the live pod (tolerations may be added in place)',
      pod: live((p) => p.spec.tolerations.push({ key: 'spot', operator: 'Exists' })),
      expected: ['spec.tolerations: last-applied (none), live {"key":"spot","operator":"Exists"}'],
    },
    {
      rule: 'the Fargate webhook\'s own changes (schedulerName, profile label, priority) are not differences',
      pod: live((p) => {
        p.spec.schedulerName = 'fargate-scheduler';
        p.spec.priorityClassName = 'system-node-critical';
        p.spec.priority = 2000001000;
        p.metadata.labels['eks.amazonaws.com/fargate-profile'] = 'fp-test';
        p.metadata.annotations.CapacityProvisioned = '0.25vCPU 0.5GB';
      }),
      expected: [],
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const diffs = lastAppliedDifferences(c.pod);
      assert.deepEqual(diffs === null ? null : diffs.map(differenceText), c.expected);
    });
  }
});

describe('manifestSourceFor', () => {
  const cases = [
    { rule: 'live is the default', pod: live(), from: undefined, expected: 'live' },
    { rule: 'last-applied when asked for and present', pod: live(), from: 'last-applied' as const, expected: 'last-applied' },
    { rule: 'asked for last-applied but the pod has none: live', pod: live((p) => delete p.metadata.annotations), from: 'last-applied' as const, expected: 'live' },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(manifestSourceFor(c.pod, c.from), c.expected));
});
