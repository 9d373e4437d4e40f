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
  const withApplied = livePod({ labels: { app: 'web', [PIN]: 'fp-pinned' }, annotations: { [LAST_APPLIED]: JSON.stringify(applied), CapacityProvisioned: '0.25vCPU 0.5GB' } });

  test('from last-applied: what the user applied is the base, plus the namespace', () => {
    const m: any = cleanManifestForRecreate(withApplied, { from: 'last-applied' });
    assert.deepEqual(m.spec, applied.spec);
    assert.equal(m.metadata.namespace, 'test');
    assert.equal(m.metadata.labels[PIN], 'fp-pinned', 'a label the user wrote is a pin and stays');
    assert.equal(m.metadata.annotations.CapacityProvisioned, undefined);
    assert.equal(m.metadata.annotations[LAST_APPLIED], JSON.stringify(applied), 'kept for the next kubectl apply');
  });

  test('by default the live object is the base, even when the pod has a last-applied-configuration', () => {
    const m: any = cleanManifestForRecreate(withApplied);
    assert.equal(m.spec.serviceAccountName, 'web-sa');
    assert.equal(m.spec.schedulerName, undefined);
    assert.equal(m.metadata.annotations[LAST_APPLIED], JSON.stringify(applied), 'kept for the next kubectl apply');
  });

  test('a profile label the user applied is a pin: kept on the live base of a Fargate pod', () => {
    const m: any = cleanManifestForRecreate(withApplied);
    assert.equal(m.metadata.labels[PIN], 'fp-pinned');
  });

  test('the live image and labels win over last-applied (kubectl set image / kubectl label since the apply)', () => {
    const pod = livePod({ labels: { app: 'web', tier: 'front' }, annotations: { [LAST_APPLIED]: JSON.stringify(applied) } });
    pod.spec.containers[0].image = 'nginx:1.28';
    const m: any = cleanManifestForRecreate(pod);
    assert.equal(m.spec.containers[0].image, 'nginx:1.28');
    assert.equal(m.metadata.labels.tier, 'front');
  });

  test('unparsable last-applied falls back to the live object', () => {
    const m: any = cleanManifestForRecreate(livePod({ annotations: { [LAST_APPLIED]: '{nope' } }), { from: 'last-applied' });
    assert.equal(m.spec.serviceAccountName, 'web-sa');
    assert.equal(m.metadata.uid, undefined);
  });

  test('a last-applied of another kind is ignored', () => {
    const m: any = cleanManifestForRecreate(livePod({ annotations: { [LAST_APPLIED]: JSON.stringify({ kind: 'Deployment', spec: {} }) } }), { from: 'last-applied' });
    assert.equal(m.kind, 'Pod');
    assert.equal(m.spec.serviceAccountName, 'web-sa');
  });
});

/** A live pod on EC2 whose service account has an IAM role: the pod identity webhook ran on it. */
function irsaPod(o: { env?: any[]; volumes?: any[]; lastApplied?: any } = {}): any {
  const pod = livePod({ schedulerName: 'default-scheduler', labels: { app: 'web' }, annotations: o.lastApplied ? { [LAST_APPLIED]: JSON.stringify(o.lastApplied) } : {} });
  const c = pod.spec.containers[0];
  c.env = o.env ?? [
    { name: 'MODE', value: 'prod' },
    { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
    { name: 'AWS_DEFAULT_REGION', value: 'us-east-1' },
    { name: 'AWS_REGION', value: 'us-east-1' },
    { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/web' },
    { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
  ];
  c.volumeMounts.push({ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true });
  pod.spec.initContainers[0].volumeMounts.push({ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true });
  pod.spec.volumes = o.volumes ?? [
    { name: 'aws-iam-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }] } },
    ...pod.spec.volumes,
  ];
  return pod;
}

describe('cleanManifestForRecreate (EKS pod identity webhook injections)', () => {
  const userWroteIt = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'prod' }, { name: 'AWS_REGION', value: 'eu-west-1' }] }],
    },
  };
  const cases: { rule: string; pod: any; opts?: any; check: (m: any) => void }[] = [
    {
      rule: 'the webhook adds the aws-iam-token volume again on create: removed (else duplicate volume name)',
      pod: irsaPod(),
      check: (m) => assert.deepEqual(m.spec.volumes.map((v: any) => v.name), ['cfg']),
    },
    {
      rule: 'its mounts are removed from containers and init containers',
      pod: irsaPod(),
      check: (m) => {
        assert.deepEqual(m.spec.containers[0].volumeMounts, [{ name: 'cfg', mountPath: '/etc/cfg' }]);
        assert.equal(m.spec.initContainers[0].volumeMounts, undefined);
      },
    },
    {
      rule: 'the env it injects (role, token file, STS endpoints, region) is removed, the user env kept',
      pod: irsaPod(),
      check: (m) => assert.deepEqual(m.spec.containers[0].env, [{ name: 'MODE', value: 'prod' }]),
    },
    {
      rule: 'without the webhook volume nothing was injected: AWS_REGION the user set is kept',
      pod: irsaPod({ volumes: [{ name: 'cfg', configMap: { name: 'web-cfg' } }] }),
      check: (m) => assert.ok(m.spec.containers[0].env.some((e: any) => e.name === 'AWS_REGION')),
    },
    {
      rule: 'an env var from valueFrom is the user\'s own, never the webhook\'s: kept',
      pod: irsaPod({ env: [{ name: 'AWS_REGION', valueFrom: { configMapKeyRef: { name: 'aws', key: 'region' } } }] }),
      check: (m) => assert.deepEqual(m.spec.containers[0].env, [{ name: 'AWS_REGION', valueFrom: { configMapKeyRef: { name: 'aws', key: 'region' } } }]),
    },
    {
      rule: 'env the user declared in last-applied is kept even when the live object is cleaned',
      pod: irsaPod({ lastApplied: userWroteIt }),
      
      check: (m) => {
        const names = m.spec.containers[0].env.map((e: any) => e.name);
        assert.deepEqual(names, ['MODE', 'AWS_REGION']);
        assert.deepEqual(m.spec.volumes.map((v: any) => v.name), ['cfg']);
      },
    },
    {
      rule: 'a volume named aws-iam-token that the user declared is kept with its mounts',
      pod: irsaPod({ lastApplied: { ...userWroteIt, spec: { ...userWroteIt.spec, volumes: [{ name: 'aws-iam-token', projected: { sources: [] } }], containers: [{ name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'aws-iam-token', mountPath: '/t' }] }] } } }),
      
      check: (m) => {
        assert.ok(m.spec.volumes.some((v: any) => v.name === 'aws-iam-token'));
        assert.ok(m.spec.containers[0].volumeMounts.some((v: any) => v.name === 'aws-iam-token'));
      },
    },
    {
      rule: 'EKS Pod Identity (eks-pod-identity-token volume, credentials URI env) is removed the same way',
      pod: (() => {
        const p = livePod({ schedulerName: 'default-scheduler' });
        p.spec.volumes.push({ name: 'eks-pod-identity-token', projected: { sources: [{ serviceAccountToken: { audience: 'pods.eks.amazonaws.com', path: 'eks-pod-identity-token' } }] } });
        p.spec.containers[0].volumeMounts.push({ name: 'eks-pod-identity-token', mountPath: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount' });
        p.spec.containers[0].env.push({ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }, { name: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', value: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token' });
        return p;
      })(),
      check: (m) => {
        assert.deepEqual(m.spec.volumes.map((v: any) => v.name), ['cfg']);
        assert.deepEqual(m.spec.containers[0].env, [{ name: 'MODE', value: 'prod' }]);
        assert.deepEqual(m.spec.containers[0].volumeMounts, [{ name: 'cfg', mountPath: '/etc/cfg' }]);
      },
    },
  ];
  for (const c of cases) test(c.rule, () => c.check(cleanManifestForRecreate(c.pod, c.opts)));
});
