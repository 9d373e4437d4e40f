// Fargate prices end to end: the built CLI against the sim in two regions, totals per namespace
// and per profile checked against figures computed by hand from the sizes EKS provisions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { container, pod } from '../../source/sim/scenarios/manifests.js';
import type { Scenario } from '../../source/sim/scenarios/types.js';
import type { ReportDocument } from '../../source/report/document.js';
import { runCli, simEnv } from '../helpers/cli.js';

// Sizes (request + 256 MiB, rounded up to the Fargate table):
//   shop/web-a   1 CPU, 2Gi     -> 1vCPU 3GB
//   shop/web-b   500m, 512Mi    -> 0.5vCPU 1GB
//   batch/job-1  2 CPU, 4Gi     -> 2vCPU 5GB
//   legacy/app   no profile     -> runs on EC2, costs no Fargate money
const SCENARIO: Scenario = {
  name: 'prices',
  nodes: [{ name: 'ip-10-0-1-23.ec2.internal', ip: '10.0.1.23', zone: 'a' }],
  steps: [
    {
      ago: '2h',
      namespaces: ['default', 'kube-system', 'shop', 'batch', 'legacy'],
      profiles: [
        { name: 'fp-shop', selectors: [{ namespace: 'shop' }] },
        { name: 'fp-batch', selectors: [{ namespace: 'batch' }] },
      ],
    },
    {
      ago: '1h',
      apply: [
        pod('shop', 'web-a', { containers: [container({ image: 'nginx', cpu: '1', memory: '2Gi' })] }),
        pod('shop', 'web-b', { containers: [container({ image: 'nginx', cpu: '500m', memory: '512Mi' })] }),
        pod('batch', 'job-1', { containers: [container({ image: 'busybox', cpu: '2', memory: '4Gi' })] }),
        pod('legacy', 'app', { containers: [container({ image: 'nginx', cpu: '1', memory: '1Gi' })] }),
      ],
    },
  ],
};

/** What each pod, namespace and profile costs per hour at the given rates, by hand. */
function expected(vcpuHour: number, gbHour: number) {
  const webA = 1 * vcpuHour + 3 * gbHour;
  const webB = 0.5 * vcpuHour + 1 * gbHour;
  const job = 2 * vcpuHour + 5 * gbHour;
  return { webA, webB, job, shop: webA + webB, batch: job, total: webA + webB + job };
}

const close = (actual: number | null | undefined, want: number, what: string): void => {
  assert.ok(typeof actual === 'number' && Math.abs(actual - want) < 1e-6, `${what}: ${actual} != ${want}`);
};

function totalsOf(doc: ReportDocument) {
  const ns = new Map(doc.namespaces.map((n) => [n.name, n.hourlyUsd]));
  const profiles = new Map(doc.profiles.map((p) => [p.name, p.hourlyUsd]));
  const pods = new Map(doc.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  return { ns, profiles, pods };
}

describe('prices in us-east-1: the built-in table', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await startSim({ scenario: SCENARIO, region: 'us-east-1' });
  });
  after(() => sim.close());

  test('--json: each pod, namespace and profile priced at $0.04048 per vCPU-hour and $0.004445 per GB-hour', async () => {
    const { code, stdout, stderr } = await runCli(['--json'], simEnv(sim));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /price/, 'no price warning for a region in the table');
    const doc = JSON.parse(stdout) as ReportDocument;
    const want = expected(0.04048, 0.004445); // web-a 0.053815, web-b 0.024685, job-1 0.103185
    const { ns, profiles, pods } = totalsOf(doc);
    assert.equal(pods.get('shop/web-a')?.runsOn, 'fargate');
    assert.equal(pods.get('shop/web-a')?.size?.label, '1vCPU 3GB');
    close(pods.get('shop/web-a')?.size?.hourlyUsd, want.webA, 'web-a');
    close(pods.get('shop/web-b')?.size?.hourlyUsd, want.webB, 'web-b');
    close(ns.get('shop'), 0.0785, 'namespace shop'); // 0.053815 + 0.024685
    close(ns.get('batch'), 0.103185, 'namespace batch');
    close(ns.get('legacy'), 0, 'namespace legacy (EC2)');
    close(profiles.get('fp-shop'), want.shop, 'profile fp-shop');
    close(profiles.get('fp-batch'), want.batch, 'profile fp-batch');
    assert.equal(doc.prices.source, 'table');
    assert.equal(doc.prices.region, 'us-east-1');
    assert.equal(doc.prices.tableSource, 'https://aws.amazon.com/fargate/pricing/');
    close(doc.prices.hourlyUsd, 0.181685, 'cluster total');
  });

  test('-o wide: the footer line on stderr gives the total, its rates, each namespace and profile', async () => {
    const { code, stdout, stderr } = await runCli(['-o', 'wide'], simEnv(sim));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /web-a\s.*1vCPU 3GB\s+0\.0538\s/);
    assert.doesNotMatch(stdout, /Fargate USD\/H/, 'the table stays a table');
    assert.match(stderr, /^Fargate USD\/H of running pods: 0\.1817 \(us-east-1 On-Demand Linux\/x86, price table of \d{4}-\d\d-\d\d\); by namespace: batch 0\.1032, shop 0\.0785; by profile: fp-shop 0\.0785, fp-batch 0\.1032$/m);
  });
});

describe('prices in eu-west-1: not in the table', () => {
  let sim: RunningSim;
  let dir: string;
  before(async () => {
    sim = await startSim({ scenario: SCENARIO, region: 'eu-west-1' });
    dir = mkdtempSync(join(tmpdir(), 'prices-'));
  });
  after(() => sim.close());

  test('without --price-file: every price is null, one warning names --price-file, never us-east-1 figures', async () => {
    const { code, stdout, stderr } = await runCli(['--json'], simEnv(sim));
    assert.equal(code, 0, stderr);
    const warnings = stderr.split('\n').filter((l) => /price/.test(l));
    assert.equal(warnings.length, 1, stderr);
    assert.match(warnings[0]!, /^warning: no Fargate prices for region eu-west-1 \(the price table has us-east-1\): hourly prices read <none>; give them with --price-file FILE/);
    const doc = JSON.parse(stdout) as ReportDocument;
    const { ns, profiles, pods } = totalsOf(doc);
    assert.equal(pods.get('shop/web-a')?.size?.label, '1vCPU 3GB', 'the size is still known');
    assert.equal(pods.get('shop/web-a')?.size?.hourlyUsd, null);
    assert.equal(ns.get('shop'), null);
    assert.equal(profiles.get('fp-shop'), null);
    assert.equal(doc.prices.source, 'unknown');
    assert.equal(doc.prices.hourlyUsd, null);
  });

  test('-o wide without --price-file: USD/H cells read <none>', async () => {
    const { code, stdout, stderr } = await runCli(['-o', 'wide', '-n', 'shop'], simEnv(sim));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /web-a\s.*1vCPU 3GB\s+<none>\s/);
    assert.match(stderr, /^Fargate USD\/H of running pods: <none> \(eu-west-1: prices unknown\)$/m);
  });

  test('--price-file gives the region its rates: totals from the file, by hand', async () => {
    const file = join(dir, 'prices.yaml');
    writeFileSync(file, 'region: eu-west-1\nvcpuHour: 0.1\ngbHour: 0.01\n');
    const { code, stdout, stderr } = await runCli(['--json', '--price-file', file], simEnv(sim));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /price/);
    const doc = JSON.parse(stdout) as ReportDocument;
    const { ns, profiles, pods } = totalsOf(doc);
    close(pods.get('shop/web-a')?.size?.hourlyUsd, 0.13, 'web-a'); // 1 x 0.1 + 3 x 0.01
    close(pods.get('shop/web-b')?.size?.hourlyUsd, 0.06, 'web-b'); // 0.5 x 0.1 + 1 x 0.01
    close(ns.get('shop'), 0.19, 'namespace shop');
    close(ns.get('batch'), 0.25, 'namespace batch'); // 2 x 0.1 + 5 x 0.01
    close(profiles.get('fp-shop'), 0.19, 'profile fp-shop');
    close(profiles.get('fp-batch'), 0.25, 'profile fp-batch');
    assert.deepEqual([doc.prices.source, doc.prices.vcpuHour, doc.prices.gbHour], ['file', 0.1, 0.01]);
    close(doc.prices.hourlyUsd, 0.44, 'cluster total');
  });

  test('a JSON price file keyed by region, another region listed too', async () => {
    const file = join(dir, 'prices.json');
    writeFileSync(file, JSON.stringify({ 'ap-south-1': { vcpuHour: 9, gbHour: 9 }, 'eu-west-1': { vcpuHour: 0.1, gbHour: 0.01 } }));
    const { code, stdout, stderr } = await runCli(['--json', '--price-file', file], simEnv(sim));
    assert.equal(code, 0, stderr);
    close((JSON.parse(stdout) as ReportDocument).prices.hourlyUsd, 0.44, 'cluster total');
  });
});
