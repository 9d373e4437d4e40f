// Large clusters for benchmarks: N realistic pods (~4 KB each: labels, annotations, an app
// container and a log sidecar with env, probes, resources and mounts, owner references, full
// status) in ~N/100 namespaces, owned by Deployments/ReplicaSets so controllers keep them.
// About 60% select the generator's profile (fp-gen: namespace gen-*, label compute=fargate); a
// tenth of those predate it and still run on EC2. Pods are built with the same webhook,
// Fargate launch and kubelet code as live pods, then stored directly (fast). Deterministic by seed.
import type { SimCluster } from '../cluster.js';
import { mutateForFargate } from '../eks/webhook.js';
import { randomSuffix, seededRandom, templateHash, uuid } from '../ids.js';
import { defaultPod, defaultWorkload } from '../kube/defaults.js';
import type { Obj } from '../kube/resources.js';
import { launchOnFargate } from '../scheduler/fargate.js';
import { bindPod, runPod } from '../scheduler/pod-status.js';
import { k8sTime } from '../time.js';

export interface GenerateOptions {
  pods: number;
  seed?: number;
}

export interface GenerateResult {
  namespaces: string[];
  fargatePods: number;
  ec2Pods: number;
  /** Pods that a profile selects but that still run on EC2 (need a reschedule). */
  driftedPods: number;
}

export const GEN_PROFILE = 'fp-gen';
const WORDS = ['orders', 'search', 'billing', 'catalog', 'identity', 'media', 'reports', 'ledger', 'mail', 'pricing', 'ads', 'geo', 'chat', 'feeds', 'risk', 'sync'];
const APPS = ['api', 'worker', 'web', 'consumer', 'scheduler', 'gateway', 'indexer', 'exporter'];
const DAY = 86_400_000;

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

function template(rand: () => number, team: string, app: string, fargate: boolean): Obj {
  const version = `${1 + Math.floor(rand() * 4)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 10)}`;
  const cpu = ['100m', '250m', '500m', '1'][Math.floor(rand() * 4)]!;
  const mem = ['128Mi', '256Mi', '512Mi', '1Gi', '2Gi'][Math.floor(rand() * 5)]!;
  const labels: Record<string, string> = {
    app: `${team}-${app}`,
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/part-of': team,
    'app.kubernetes.io/version': version,
    tier: app === 'web' || app === 'gateway' ? 'frontend' : 'backend',
  };
  if (fargate) labels.compute = 'fargate';
  return {
    metadata: {
      labels,
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
        'checksum/config': hex(rand, 64),
      },
    },
    spec: {
      serviceAccountName: `${team}-${app}`,
      containers: [
        {
          name: app,
          image: `111122223333.dkr.ecr.us-east-1.amazonaws.com/${team}/${app}:${version}`,
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
          ],
          env: [
            { name: 'SERVICE_NAME', value: `${team}-${app}` },
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'AWS_REGION', value: 'us-east-1' },
            { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
            { name: 'CACHE_TTL_SECONDS', value: String(30 + Math.floor(rand() * 600)) },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          ],
          resources: { requests: { cpu, memory: mem }, limits: { cpu, memory: mem } },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [
            { name: 'config', mountPath: '/etc/app', readOnly: true },
            { name: 'secrets', mountPath: '/var/run/secrets/app', readOnly: true },
          ],
        },
        {
          name: 'log-router',
          image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2',
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          volumeMounts: [{ name: 'config', mountPath: '/fluent-bit/etc/extra', readOnly: true }],
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: `${team}-${app}-config`, defaultMode: 420 } },
        { name: 'secrets', secret: { secretName: `${team}-${app}-secrets`, defaultMode: 420 } },
      ],
    },
  };
}

export function generatePods(cluster: SimCluster, opts: GenerateOptions): GenerateResult {
  const ctx = cluster.ctx;
  const { clock } = ctx;
  const rand = seededRandom(opts.seed ?? 1);
  const total = Math.max(0, Math.floor(opts.pods));
  const result: GenerateResult = { namespaces: [], fargatePods: 0, ec2Pods: 0, driftedPods: 0 };
  if (total === 0) return result;

  clock.setAgo(120 * DAY);
  if (ctx.profiles.get(GEN_PROFILE) === undefined) {
    cluster.createProfile({ name: GEN_PROFILE, selectors: [{ namespace: 'gen-*', labels: { compute: 'fargate' } }], createdAt: Date.now() - 60 * DAY });
  }
  // EC2 capacity for the ~40% that stay there: 100 pods per node.
  const ec2Nodes: { name: string; ip: string }[] = [];
  const nodeCount = Math.max(2, Math.ceil((total * 0.45) / 100));
  for (let i = 0; i < nodeCount; i++) {
    const ip = `10.${100 + Math.floor(i / 250)}.${i % 250}.10`;
    const name = `ip-${ip.replaceAll('.', '-')}.ec2.internal`;
    cluster.addNode({ name, ip, zone: `us-east-1${'abc'[i % 3]}`, nodegroup: 'ng-general', labels: {} });
    const node = ctx.store.get('nodes', '', name);
    node.status.allocatable.pods = '110';
    node.status.capacity.pods = '110';
    ctx.api.write('nodes', node);
    ec2Nodes.push({ name, ip });
  }

  const nsCount = Math.max(1, Math.round(total / 100));
  let left = total;
  let nodeCursor = 0;
  for (let n = 0; n < nsCount; n++) {
    const ns = `gen-${WORDS[n % WORDS.length]}-${n}`;
    result.namespaces.push(ns);
    clock.setAgo((90 + Math.floor(rand() * 20)) * DAY);
    cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    let quota = n === nsCount - 1 ? left : Math.min(left, Math.round(total / nsCount));
    left -= quota;
    let d = 0;
    while (quota > 0) {
      const replicas = Math.min(quota, 1 + Math.floor(rand() * 12));
      quota -= replicas;
      const app = `${APPS[d % APPS.length]}${d >= APPS.length ? `-${d}` : ''}`;
      d++;
      const fargate = rand() < 0.6;
      const drifted = fargate && rand() < 0.1;
      // Drifted workloads were created before fp-gen existed (60 days ago).
      const ageDays = drifted ? 61 + Math.floor(rand() * 25) : 1 + Math.floor(rand() * 55);
      clock.setAgo(ageDays * DAY);
      const team = String(ns.split('-')[1]);
      const tpl = template(rand, team, app, fargate);
      const dep: Obj = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: app, namespace: ns, uid: uuid(rand), labels: { ...tpl.metadata.labels }, generation: 1, creationTimestamp: k8sTime(clock.now()) },
        spec: { replicas, selector: { matchLabels: { app: tpl.metadata.labels.app } }, template: tpl },
      };
      defaultWorkload('Deployment', dep);
      const hash = templateHash(JSON.stringify(dep.spec.template));
      ctx.api.insert('deployments.apps', dep);
      const rsTemplate = structuredClone(dep.spec.template);
      rsTemplate.metadata.labels['pod-template-hash'] = hash;
      const rs: Obj = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${app}-${hash}`,
          namespace: ns,
          uid: uuid(rand),
          labels: { ...rsTemplate.metadata.labels },
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '1' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: dep.metadata.uid, controller: true, blockOwnerDeletion: true }],
          generation: 1,
          creationTimestamp: k8sTime(clock.now()),
        },
        spec: { replicas, selector: { matchLabels: { app: tpl.metadata.labels.app, 'pod-template-hash': hash } }, template: rsTemplate },
      };
      defaultWorkload('ReplicaSet', rs);
      ctx.api.insert('replicasets.apps', rs);
      const specJson = JSON.stringify(rsTemplate.spec);
      for (let r = 0; r < replicas; r++) {
        const pod: Obj = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: `${String(rs.metadata.name)}-${randomSuffix(rand)}`,
            generateName: `${String(rs.metadata.name)}-`,
            namespace: ns,
            uid: uuid(rand),
            creationTimestamp: k8sTime(clock.now()),
            labels: { ...rsTemplate.metadata.labels },
            annotations: { ...rsTemplate.metadata.annotations },
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
          },
          spec: JSON.parse(specJson),
        };
        defaultPod(pod, rand);
        if (!drifted && mutateForFargate(ctx, pod) !== null) {
          launchOnFargate(ctx, pod);
          result.fargatePods++;
        } else {
          const node = ec2Nodes[nodeCursor++ % ec2Nodes.length]!;
          bindPod(pod, node.name, node.ip, ctx.ips.next(Number(node.ip.split('.')[2])), clock.now());
          result.ec2Pods++;
          if (drifted) result.driftedPods++;
        }
        runPod(pod, clock.now() + 20_000, rand);
        ctx.api.insert('pods', pod);
      }
    }
  }
  return result;
}
