// Placement cases the walkthrough lacks, each a way to get a verdict wrong: a literal namespace
// that is a prefix of others, `?` in namespaces and label keys and values, labels differing only
// in case, EBS volumes provisioned by hand (CSI and in-tree), EFS, an unbound claim, a static
// pod's mirror, and a profile pin written in a Deployment's pod template. Hand-written expected
// verdicts: EDGE_CASES_EXPECTED.
import { PROFILE_LABEL } from '../../domain/types.js';
import { claim, claimVolume, container, deployment, persistentVolume, pod } from './manifests.js';
import { NGINX } from './shared.js';
import type { Scenario } from './types.js';

const app = (name: string): ReturnType<typeof container> => container({ name, image: NGINX, cpu: '250m', memory: '256Mi' });
const bare = (ns: string, name: string, labels: Record<string, string>, spec?: object): ReturnType<typeof pod> => pod(ns, name, { labels, containers: [app('app')], ...(spec === undefined ? {} : { spec }) });

export const EDGE_NODE = 'ip-10-0-4-10.ec2.internal';

// Storage: volumes made by hand and bound to their claims up front (static provisioning), so no
// provisioner annotation on the claim says what is behind it; only the PersistentVolume does.
const storage = [
  persistentVolume('ebs-db', { namespace: 'storage', name: 'db-data' }, { csi: { driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeHandle: 'vol-0a1b2c3d4e5f60718' } }),
  claim('storage', 'db-data', { volumeName: 'ebs-db' }),
  persistentVolume('ebs-cache', { namespace: 'storage', name: 'cache-data' }, { awsElasticBlockStore: { volumeID: 'aws://us-east-1a/vol-0f1e2d3c4b5a69788', fsType: 'ext4' } }),
  claim('storage', 'cache-data', { volumeName: 'ebs-cache' }),
  persistentVolume('efs-files', { namespace: 'storage', name: 'files' }, { accessModes: ['ReadWriteMany'], csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0123456789abcdef0' } }),
  claim('storage', 'files', { volumeName: 'efs-files', accessModes: ['ReadWriteMany'] }),
  claim('storage', 'incoming', { storageClassName: 'efs-sc' }),
];

const db = deployment('storage', 'db', {
  labels: { app: 'db' },
  containers: [container({ name: 'postgres', image: 'public.ecr.aws/docker/library/postgres:16', cpu: '500m', memory: '1Gi' })],
  podSpec: { volumes: [claimVolume('data', 'db-data')] },
});

const logAgent = pod('prod', 'log-agent', {
  labels: { app: 'log-agent' },
  containers: [container({ name: 'agent', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0', cpu: '50m', memory: '64Mi' })],
});

export const edgeCases: Scenario = {
  name: 'edge-cases',
  description: 'Placement cases that are easy to get wrong: literal vs prefix namespaces, ? wildcards, case, static EBS/EFS volumes, a mirror pod, a template pin.',
  nodes: [
    { name: EDGE_NODE, ip: '10.0.4.10', zone: 'us-east-1a', ago: '60d' },
    { name: 'ip-10-0-5-20.ec2.internal', ip: '10.0.5.20', zone: 'us-east-1b', ago: '60d' },
  ],
  steps: [
    {
      ago: '40d',
      note: 'before any profile: a database on a hand-made EBS volume, and a static log agent on a node',
      namespaces: ['default', 'kube-system', 'prod', 'prod-metrics', 'production', 'team-a', 'team-ab', 'keyed', 'case', 'storage', 'shop'],
      insert: storage,
      apply: [db],
      staticPods: [{ node: EDGE_NODE, pod: logAgent }],
    },
    {
      ago: '30d',
      profiles: [
        { name: 'fp-prod', selectors: [{ namespace: 'prod' }] },
        { name: 'fp-team', selectors: [{ namespace: 'team-?' }] },
        { name: 'fp-keyed', selectors: [{ namespace: 'keyed', labels: { 'key?': 'value?' } }] },
        { name: 'fp-case', selectors: [{ namespace: 'case', labels: { app: 'Web' } }] },
        { name: 'fp-storage', selectors: [{ namespace: 'storage' }] },
        { name: 'fp-shop-a', selectors: [{ namespace: 'shop' }] },
        { name: 'fp-shop-b', selectors: [{ namespace: 'shop' }] },
      ],
    },
    {
      ago: '20d',
      apply: [
        deployment('prod', 'api', { labels: { app: 'api' }, containers: [app('api')] }),
        bare('prod-metrics', 'exporter', { app: 'exporter' }),
        bare('production', 'web', { app: 'web' }),
        bare('team-a', 'app', { app: 'team' }),
        bare('team-ab', 'app', { app: 'team' }),
        bare('keyed', 'match', { keya: 'valuea' }),
        bare('keyed', 'no-char', { key: 'value' }),
        bare('case', 'web-upper', { app: 'Web' }),
        bare('case', 'web-lower', { app: 'web' }),
        bare('case', 'key-upper', { App: 'Web' }),
        bare('storage', 'cache', { app: 'cache' }, { volumes: [claimVolume('data', 'cache-data')] }),
        bare('storage', 'files', { app: 'files' }, { volumes: [claimVolume('files', 'files')] }),
        bare('storage', 'uploader', { app: 'uploader' }, { volumes: [claimVolume('incoming', 'incoming')] }),
        deployment('shop', 'cart', { replicas: 2, labels: { app: 'cart' }, podLabels: { [PROFILE_LABEL]: 'fp-shop-b' }, containers: [app('cart')] }),
        deployment('shop', 'web', { labels: { app: 'web' }, containers: [app('web')] }),
      ],
    },
  ],
};
