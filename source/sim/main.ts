// `npm run sim`: start the simulated EKS cluster in the foreground and print how to use it.
//   npm run sim -- [--scenario walkthrough|edge-cases|empty|large] [--pods N] [--seed S] [--port P] [--latency MS]
import { parseArgs } from 'node:util';
import { startSim } from './index.js';

const HELP = `Usage: npm run sim -- [options]

  --scenario NAME   walkthrough (default), edge-cases, empty, large
  --pods N          add N generated pods (~5 KB each)
  --seed S          seed for generated pods (default 1)
  --port P          listen on 127.0.0.1:P (default: a free port)
  --latency MS      delay every request by MS milliseconds
  --help            show this help`;

function fail(message: string): never {
  console.error(`sim: ${message}\n\n${HELP}`);
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
    generate: pods === undefined ? undefined : { pods, seed: intFlag(values.seed as string | undefined, '--seed') },
    port: intFlag(values.port as string | undefined, '--port'),
    latencyMs: intFlag(values.latency as string | undefined, '--latency'),
  });
} catch (err) {
  fail((err as Error).message);
}
const running = sim;
const quote = (v: string): string => `'${v.replaceAll("'", "'\\''")}'`;
console.log(`Simulated EKS cluster "${running.clusterName}" (${running.region}, account ${running.accountId}) ready in ${Date.now() - started} ms`);
console.log(`  API server and EKS endpoint: ${running.url}`);
console.log(`  kubeconfig: ${running.kubeconfigPath} (context ${running.contextName})`);
console.log(`  ${running.cluster.ctx.store.count('pods')} pods, ${running.cluster.profiles().length} Fargate profiles\n`);
console.log('In another shell:\n');
for (const [k, v] of Object.entries(running.env)) console.log(`export ${k}=${quote(v)}`);
console.log('\nkubectl get pods -A -o wide');
console.log(`aws eks list-fargate-profiles --cluster-name ${running.clusterName}`);
console.log('\nCtrl-C to stop.');

const stop = (): void => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
