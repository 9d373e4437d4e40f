// --concurrency bounds how many clusters are read at once: six sims, each behind a proxy that
// counts the requests in flight; the most clusters ever answering at the same moment is recorded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import type { MultiClusterDocument } from '../../source/report/multi-cluster.js';
import { runCli } from '../helpers/cli.js';
import { multiContextKubeconfig } from '../helpers/kubeconfigs.js';

const CLUSTERS = 6;

/** Which clusters have a request in flight, and the most there ever were at once. */
class InFlight {
  private readonly active = new Map<number, number>();
  most = 0;
  start(cluster: number): void {
    this.active.set(cluster, (this.active.get(cluster) ?? 0) + 1);
    this.most = Math.max(this.most, this.active.size);
  }
  end(cluster: number): void {
    const left = (this.active.get(cluster) ?? 1) - 1;
    if (left === 0) this.active.delete(cluster);
    else this.active.set(cluster, left);
  }
}

/** A plain http proxy to `target` that reports each request's start and end. */
async function countingProxy(target: string, cluster: number, flight: () => InFlight): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    flight().start(cluster);
    let ended = false;
    const end = () => {
      if (!ended) flight().end(cluster);
      ended = true;
    };
    res.on('close', end);
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('--concurrency', () => {
  const sims: RunningSim[] = [];
  const proxies: Array<{ close(): Promise<void> }> = [];
  let flight = new InFlight();
  let env: NodeJS.ProcessEnv;
  before(async () => {
    // Latency keeps each cluster's requests in flight long enough to overlap with the others'.
    sims.push(...(await Promise.all(Array.from({ length: CLUSTERS }, () => startSim({ scenario: 'empty', latencyMs: 60 })))));
    const contexts = [];
    for (const [i, sim] of sims.entries()) {
      const proxy = await countingProxy(sim.url, i, () => flight);
      proxies.push(proxy);
      contexts.push({ name: `c${i}`, server: proxy.url });
    }
    env = { ...process.env, KUBECONFIG: multiContextKubeconfig(contexts) };
  });
  after(async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(sims.map((s) => s.close()));
  });

  for (const { given, bound } of [
    { given: ['--concurrency', '2'], bound: 2 },
    { given: ['--concurrency=1'], bound: 1 },
    { given: [], bound: 4 },
  ]) {
    test(`${given.join(' ') || 'the default'}: at most ${bound} clusters answer at once, and all ${CLUSTERS} are read`, async () => {
      flight = new InFlight();
      const { code, stdout, stderr } = await runCli(['--all-contexts', ...given, '--no-aws', '--json'], env);
      assert.equal(code, 0, stderr);
      const doc = JSON.parse(stdout) as MultiClusterDocument;
      assert.equal(doc.clusters.filter((c) => !('error' in c)).length, CLUSTERS);
      assert.ok(flight.most >= 1 && flight.most <= bound, `${flight.most} clusters were read at once`);
    });
  }
});
