import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanManifestForRecreate } from '../../source/domain/recreate.js';

const PIN = 'eks.amazonaws.com/fargate-profile';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A bare pod as EKS returns it after admitting it to Fargate. */
function livePod(o: { labels?: Record<string, string>; annotations?: Record<string, string>; schedulerName?: string; priorityClassName?: string } = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'test',
      uid: 'b1c2',
      resourceVersion: '4711',
      creationTimestamp: '2026-01-01T00:00:00Z',
      generation: 1,
      managedFields: [{ manager: 'kubectl' }],
      selfLink: '/api/v1/namespaces/test/pods/web',
      labels: o.labels ?? { app: 'web', [PIN]: 'fp-test' },
      annotations: o.annotations ?? { CapacityProvisioned: '0.25vCPU 0.5GB', Logging: 'LoggingDisabled: LOGGING_CONFIGMAP_NOT_FOUND', 'fargate.amazonaws.com/pod-sg': 'sg-1', team: 'blue' },
    },
    spec: {
      schedulerName: o.schedulerName ?? 'fargate-scheduler',
      priorityClassName: o.priorityClassName ?? 'system-node-critical',
      priority: 2000001000,
      preemptionPolicy: 'PreemptLowerPriority',
      nodeName: 'fargate-ip-10-0-1-1.ec2.internal',
      serviceAccountName: 'web-sa',
      tolerations: [{ key: 'eks.amazonaws.com/compute-type', operator: 'Equal', value: 'fargate', effect: 'NoSchedule' }],
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          env: [{ name: 'MODE', value: 'prod' }],
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/cfg' },
            { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          ],
        },
      ],
      initContainers: [{ name: 'init', image: 'busybox', volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }],
      volumes: [
        { name: 'cfg', configMap: { name: 'web-cfg' } },
        { name: 'kube-api-access-x7k2p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      ],
    },
    status: { phase: 'Running', podIP: '10.0.1.1' },
  };
}

describe('cleanManifestForRecreate (live object)', () => {
  const out: any = cleanManifestForRecreate(livePod());
  const cases: { rule: string; check: () => void }[] = [
    { rule: 'server-set metadata is removed', check: () => assert.deepEqual(Object.keys(out.metadata).sort(), ['annotations', 'labels', 'name', 'namespace']) },
    { rule: 'status is removed', check: () => assert.equal(out.status, undefined) },
    { rule: 'nodeName and priority are removed (scheduler and admission set them again)', check: () => { assert.equal(out.spec.nodeName, undefined); assert.equal(out.spec.priority, undefined); } },
    { rule: 'webhook-set fargate-scheduler is removed: EKS decides again', check: () => assert.equal(out.spec.schedulerName, undefined) },
    { rule: 'webhook-set profile label on a Fargate pod is not a pin: removed', check: () => assert.deepEqual(out.metadata.labels, { app: 'web' }) },
    { rule: 'Fargate annotations (CapacityProvisioned, Logging, pod-sg) are removed, others kept', check: () => assert.deepEqual(out.metadata.annotations, { team: 'blue' }) },
    { rule: 'observed webhook addition system-node-critical is removed on Fargate pods', check: () => assert.equal(out.spec.priorityClassName, undefined) },
    { rule: 'service-account token volume and its mounts are removed', check: () => {
      assert.deepEqual(out.spec.volumes, [{ name: 'cfg', configMap: { name: 'web-cfg' } }]);
      assert.deepEqual(out.spec.containers[0].volumeMounts, [{ name: 'cfg', mountPath: '/etc/cfg' }]);
      assert.equal(out.spec.initContainers[0].volumeMounts, undefined);
    } },
    { rule: 'containers, env, tolerations, serviceAccountName are kept', check: () => {
      assert.deepEqual(out.spec.containers[0].env, [{ name: 'MODE', value: 'prod' }]);
      assert.equal(out.spec.tolerations.length, 1);
      assert.equal(out.spec.serviceAccountName, 'web-sa');
    } },
  ];
  for (const c of cases) test(c.rule, c.check);

  test('never mutates its input', () => {
    const input = livePod();
    const copy = structuredClone(input);
    cleanManifestForRecreate(input);
    assert.deepEqual(input, copy);
  });
});

describe('cleanManifestForRecreate (rules that depend on the pod)', () => {
  const cases: { rule: string; pod: any; check: (m: any) => void }[] = [
    { rule: 'user pin (label on a non-Fargate-scheduler pod) is kept', pod: livePod({ schedulerName: 'default-scheduler', labels: { app: 'web', [PIN]: 'fp-x' } }), check: (m) => assert.equal(m.metadata.labels[PIN], 'fp-x') },
    { rule: 'priorityClassName system-node-critical is kept when not on fargate-scheduler', pod: livePod({ schedulerName: 'default-scheduler' }), check: (m) => assert.equal(m.spec.priorityClassName, 'system-node-critical') },
    { rule: 'a custom scheduler is kept', pod: livePod({ schedulerName: 'my-scheduler' }), check: (m) => assert.equal(m.spec.schedulerName, 'my-scheduler') },
    { rule: 'other priority classes are kept on Fargate pods', pod: livePod({ priorityClassName: 'high' }), check: (m) => assert.equal(m.spec.priorityClassName, 'high') },
    { rule: 'empty labels/annotations maps are dropped', pod: livePod({ labels: { [PIN]: 'fp' }, annotations: { CapacityProvisioned: '1vCPU 2GB' } }), check: (m) => { assert.equal(m.metadata.labels, undefined); assert.equal(m.metadata.annotations, undefined); } },
  ];
  for (const c of cases) test(c.rule, () => c.check(cleanManifestForRecreate(c.pod)));
});

describe('cleanManifestForRecreate (last-applied-configuration)', () => {
  const applied = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web', [PIN]: 'fp-pinned' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
  const withApplied = livePod({ annotations: { [LAST_APPLIED]: JSON.stringify(applied), CapacityProvisioned: '0.25vCPU 0.5GB' } });

  test('what the user applied is the base, plus the namespace', () => {
    const m: any = cleanManifestForRecreate(withApplied);
    assert.deepEqual(m.spec, applied.spec);
    assert.equal(m.metadata.namespace, 'test');
    assert.equal(m.metadata.labels[PIN], 'fp-pinned', 'a label the user wrote is a pin and stays');
    assert.equal(m.metadata.annotations.CapacityProvisioned, undefined);
    assert.equal(m.metadata.annotations[LAST_APPLIED], JSON.stringify(applied), 'kept for the next kubectl apply');
  });

  test('useLastApplied: false cleans the live object instead', () => {
    const m: any = cleanManifestForRecreate(withApplied, { useLastApplied: false });
    assert.equal(m.spec.serviceAccountName, 'web-sa');
    assert.equal(m.spec.schedulerName, undefined);
  });

  test('unparsable last-applied falls back to the live object', () => {
    const m: any = cleanManifestForRecreate(livePod({ annotations: { [LAST_APPLIED]: '{nope' } }));
    assert.equal(m.spec.serviceAccountName, 'web-sa');
    assert.equal(m.metadata.uid, undefined);
  });

  test('a last-applied of another kind is ignored', () => {
    const m: any = cleanManifestForRecreate(livePod({ annotations: { [LAST_APPLIED]: JSON.stringify({ kind: 'Deployment', spec: {} }) } }));
    assert.equal(m.kind, 'Pod');
    assert.equal(m.spec.serviceAccountName, 'web-sa');
  });
});
