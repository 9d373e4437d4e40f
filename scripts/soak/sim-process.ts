// The soak's cluster: the sim in its own process (so that what the soak measures — memory,
// sockets — is the tool's alone), with steady churn: pods created and deleted every few ms,
// Fargate profiles replaced now and then, watch streams cut periodically. Driven over IPC:
//   parent -> child: {type: 'down', ms} | {type: 'quiet'} | {type: 'count', id} | {type: 'close'}
//   child -> parent: {type: 'ready', kubeconfigPath, env} | {type: 'count', id, pods} | {type: 'error', message}
import { startSim } from '../../source/sim/index.js';

export interface SimProcessConfig {
  /** Generated pods present from the start. */
  pods: number;
  /** A pod is created (and the oldest beyond `keep` deleted) every this many ms. */
  churnEveryMs: number;
  keep: number;
  /** dropWatches every this many ms (0 = never). */
  dropEveryMs: number;
  /** A new Fargate profile replaces an old one every this many ms (0 = never). */
  profileEveryMs: number;
  /** Events are deleted after this long (the API server's --event-ttl). */
  eventTtlMs: number;
}

const NAMESPACES = ['soak-a', 'soak-b', 'soak-c'];

type Message = { type: 'down'; ms: number } | { type: 'quiet' } | { type: 'count'; id: number } | { type: 'close' };

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as SimProcessConfig;
  const sim = await startSim({ generate: { pods: config.pods }, timing: { eventTtlMs: config.eventTtlMs } });
  for (const name of NAMESPACES) sim.cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

  const timers: NodeJS.Timeout[] = [];
  const alive: Array<[string, string]> = [];
  let n = 0;
  timers.push(
    setInterval(() => {
      try {
        const namespace = NAMESPACES[n % NAMESPACES.length]!;
        const name = `churn-${n++}`;
        sim.cluster.createPod({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { namespace, name, labels: { app: 'churn', tier: n % 2 === 0 ? 'web' : 'batch' } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '256Mi' } } }] },
        });
        alive.push([namespace, name]);
        while (alive.length > config.keep) {
          const [ns, old] = alive.shift()!;
          sim.cluster.deletePod(ns, old, { gracePeriodSeconds: 0 });
        }
      } catch {
        // e.g. a pod already stopped by a deleted profile: churn goes on.
      }
    }, config.churnEveryMs),
  );
  if (config.dropEveryMs > 0) timers.push(setInterval(() => sim.faults.dropWatches(), config.dropEveryMs));
  if (config.profileEveryMs > 0) {
    let p = 0;
    timers.push(
      setInterval(() => {
        try {
          const namespace = NAMESPACES[p % NAMESPACES.length]!;
          sim.cluster.createProfile({ name: `fp-soak-${p}`, selectors: [{ namespace, labels: { tier: p % 2 === 0 ? 'web' : 'batch' } }] });
          if (p >= 2) sim.cluster.deleteProfile(`fp-soak-${p - 2}`);
          p++;
        } catch (error) {
          process.send?.({ type: 'error', message: String(error) });
        }
      }, config.profileEveryMs),
    );
  }

  process.on('message', (message: Message) => {
    switch (message.type) {
      case 'down':
        sim.faults.down(message.ms, 'refuse');
        break;
      case 'quiet':
        for (const t of timers) clearInterval(t);
        break;
      case 'count':
        process.send?.({ type: 'count', id: message.id, pods: sim.cluster.ctx.store.count('pods') });
        break;
      case 'close':
        for (const t of timers) clearInterval(t);
        void sim.close().then(() => process.exit(0));
        break;
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', kubeconfigPath: sim.kubeconfigPath, env: sim.env });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: String(error) });
  process.exit(1);
});
