// `npm run sim`: start the simulated EKS cluster in the foreground and print how to use it.
//   npm run sim -- [--scenario walkthrough|edge-cases|after-upgrade|empty|large] [--kubernetes-version 1.32]
//                  [--pods N] [--seed S] [--port P] [--latency MS]
// The running cluster is driven through its own APIs, like a real one: kubectl for workloads, the
// AWS CLI for profiles and control-plane upgrades (aws eks update-cluster-version).
import { parseArgs } from 'node:util';
import { DEFAULT_VERSION, startSim } from './index.js';

const HELP = `Usage: npm run sim -- [options]

  --scenario NAME   walkthrough (default), edge-cases, after-upgrade, empty, large
  --kubernetes-version V
                    the control plane's version at start, e.g. 1.31 (default: the
                    scenario's, else ${DEFAULT_VERSION}); upgrade it later with
                    aws eks update-cluster-version --name demo --kubernetes-version V
  --pods N          add N generated pods (~5 KB each)
  --seed S          seed for generated pods (default 1)
  --port P          listen on 127.0.0.1:P (default: a free port)
  --latency MS      delay every request by MS milliseconds
  --help            show this help`;

function fail(message: string): never {
  // Errors from startSim already say "sim: ...".
  console.error(`sim: ${message.replace(/^sim: /, '')}\n\n${HELP}`);
  process.exit(2);
}

function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      'kubernetes-version': { type: 'string' },
      pods: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help === true) {
  console.log(HELP);
  process.exit(0);
}

const pods = intFlag(values.pods as string | undefined, '--pods');
const started = Date.now();
let sim;
try {
  sim = await startSim({
    scenario: (values.scenario as string | undefined) ?? 'walkthrough',
    version: values['kubernetes-version'] as string | undefined,
    generate: pods === undefined ? undefined : { pods, seed: intFlag(values.seed as string | undefined, '--seed') },
    port: intFlag(values.port as string | undefined, '--port'),
    latencyMs: intFlag(values.latency as string | undefined, '--latency'),
  });
} catch (err) {
  fail((err as Error).message);
}
const running = sim;
const quote = (v: string): string => `'${v.replaceAll("'", "'\\''")}'`;
console.log(`Simulated EKS cluster "${running.clusterName}" (${running.region}, account ${running.accountId}, Kubernetes ${running.cluster.info.version}) ready in ${Date.now() - started} ms`);
console.log(`  API server and EKS endpoint: ${running.url}`);
console.log(`  kubeconfig: ${running.kubeconfigPath} (context ${running.contextName})`);
console.log(`  ${running.cluster.ctx.store.count('pods')} pods, ${running.cluster.profiles().length} Fargate profiles\n`);
console.log('In another shell:\n');
for (const [k, v] of Object.entries(running.env)) console.log(`export ${k}=${quote(v)}`);
console.log('\nkubectl get pods -A -o wide');
console.log(`aws eks list-fargate-profiles --cluster-name ${running.clusterName}`);
console.log(`aws eks update-cluster-version --name ${running.clusterName} --kubernetes-version 1.${Number(running.cluster.info.version.split('.')[1]) + 1}   # upgrade the control plane`);
console.log('\nCtrl-C to stop.');

const stop = (): void => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
