// The simulated EKS cluster: one loopback HTTP server with the Kubernetes API and the EKS API,
// a kubeconfig pointing at it, and controls for tests and the demo. Used by `--demo`,
// `npm run sim`, the benchmark and integration tests.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimCluster } from './cluster.js';
import type { Timing } from './context.js';
import { Faults } from './faults.js';
import type { TokenPolicy } from './auth.js';
import type { SimFaults } from './faults.js';
import { writeKubeconfig } from './kubeconfig.js';
import { WatchHub } from './kube/watch.js';
import { generatePods } from './scenarios/generate.js';
import type { GenerateResult } from './scenarios/generate.js';
import { LARGE_DEFAULT_PODS, scenarioByName } from './scenarios/index.js';
import type { Scenario } from './scenarios/types.js';
import { loadScenario } from './scenarios/load.js';
import { startServer } from './server.js';
import { RequestLog } from './request-log.js';

export { SimCluster } from './cluster.js';
export type { ProfileInput, ClusterOptions } from './cluster.js';
export type { SimFaults, KubeFailure, EksFailure, DenyRule, EksOperation, EksErrorName } from './faults.js';
export type { Scenario, ScenarioStep } from './scenarios/types.js';
export type { SimProfile } from './eks/profiles.js';
export type { ProfileIssue, ProfileIssueCode } from './eks/roles.js';
export type { ClusterUpdate } from './eks/upgrade.js';
export { DEFAULT_VERSION, EKS_VERSIONS } from './eks/versions.js';
export type { EksVersion } from './eks/versions.js';
export { PRIVATE_SUBNET_IDS, SUBNETS } from './eks/vpc.js';
export type { SimSubnet } from './eks/vpc.js';
export type { Timing } from './context.js';
export type { TokenPolicy } from './auth.js';
export type { SimRequest } from './request-log.js';
export { RequestLog, isDryRun } from './request-log.js';
export { SCENARIOS } from './scenarios/index.js';
export { EDGE_CASES_EXPECTED, WALKTHROUGH_EXPECTED, expectationFor, expectationIn } from './scenarios/expected.js';
export type { ExpectedPods } from './scenarios/expected.js';
export { AFTER_UPGRADE_CONTROL_PLANE, AFTER_UPGRADE_EXPECTED, upgradeExpectationFor } from './scenarios/upgrade-expected.js';
export type { ExpectedKubelet } from './scenarios/upgrade-expected.js';

export interface SimOptions {
  /** A built-in scenario ('walkthrough' default, 'edge-cases', 'after-upgrade', 'empty', 'large') or scenario data. */
  scenario?: string | Scenario;
  /** Add generated realistic pods (~4 KB each). */
  generate?: { pods: number; seed?: number };
  /** Default 127.0.0.1; loopback only. */
  host?: string;
  /** Default 0 (random). One server answers both the Kubernetes API and the EKS API (/clusters/...). */
  port?: number;
  clusterName?: string;
  region?: string;
  accountId?: string;
  /**
   * The control plane's Kubernetes minor version at start, e.g. "1.32" (default: the scenario's
   * `version`, else DEFAULT_VERSION). Served by /version and DescribeCluster; Fargate nodes get
   * its kubelet. Upgrade with `cluster.upgradeControlPlane` or the EKS API's UpdateClusterVersion.
   */
  version?: string;
  /** Where to write the kubeconfig (default: a fresh temp directory). */
  kubeconfigDir?: string;
  /** Webhook, schedulers, kubelet and controllers (default true). */
  controllers?: boolean;
  /** Artificial latency per request, for demo realism (default 0). */
  latencyMs?: number;
  /** How long simulated things take (defaults in context.ts: ~150 ms to start a Fargate pod). */
  timing?: Partial<Timing>;
  /** Seed for names, uids and addresses (default fixed: same scenario, same pod names). */
  seed?: number;
  /**
   * Bearer tokens the Kubernetes API accepts besides the kubeconfig's own (a set or a predicate),
   * e.g. rotating tokens from an exec credential plugin; any other token is a 401.
   */
  acceptTokens?: TokenPolicy;
  /**
   * Serve https (a committed self-signed certificate for loopback, tls.ts) and require a token,
   * like a real EKS API server. The kubeconfig then carries the token and the certificate, and
   * `env` trusts it for child processes (NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE). Default: plain
   * http, anonymous, and a kubeconfig with no token (kubectl sends none over http).
   */
  tls?: boolean;
}

export interface RunningSim {
  /** http://127.0.0.1:PORT (https:// with `tls`) — Kubernetes API and EKS endpoint. */
  url: string;
  kubeconfigPath: string;
  /** The cluster ARN, as `aws eks update-kubeconfig` names contexts. */
  contextName: string;
  clusterName: string;
  region: string;
  accountId: string;
  /** Environment for child processes (kubectl, aws, the CLI): KUBECONFIG, AWS_ENDPOINT_URL_EKS, dummy credentials. */
  env: Record<string, string>;
  /** The bearer token the API server accepts; in the kubeconfig only with `tls`. */
  token: string;
  /** With `tls`: the PEM certificate to trust, and a file holding it. */
  ca: { pem: string; file: string } | null;
  cluster: SimCluster;
  faults: SimFaults;
  /** What `generate` added, if anything. */
  generated: GenerateResult | null;
  /** Every request received (the last 20 000): method, path, query, headers without credentials. */
  requests: RequestLog;
  close(): Promise<void>;
}

export async function startSim(opts: SimOptions = {}): Promise<RunningSim> {
  const scenario = typeof opts.scenario === 'object' ? opts.scenario : scenarioByName(opts.scenario ?? 'walkthrough');
  const cluster = new SimCluster({
    clusterName: opts.clusterName,
    region: opts.region,
    accountId: opts.accountId,
    version: opts.version ?? scenario.version,
    controllers: opts.controllers,
    timing: opts.timing,
    seed: opts.seed,
  });
  const { ctx } = cluster;
  try {
    loadScenario(cluster, scenario);
    const gen = opts.generate ?? (scenario.name === 'large' ? { pods: LARGE_DEFAULT_PODS } : undefined);
    let generated: GenerateResult | null = null;
    if (gen !== undefined && gen.pods > 0) {
      ctx.clock.hold();
      generated = generatePods(cluster, gen);
      ctx.clock.settle();
      ctx.clock.setAgo(0);
      ctx.clock.live();
    }
    // History before now is not replayable: old resourceVersions answer 410 like a real server's.
    ctx.store.compact();

    const hub = new WatchHub(ctx);
    const faults = new Faults({ store: ctx.store, hub: () => hub });
    const token = `sim-${randomBytes(16).toString('hex')}`;
    const user = `arn:aws:iam::${ctx.info.accountId}:user/demo`;
    const requests = new RequestLog();
    const tls = opts.tls ? await import('./tls.js').then((m) => ({ cert: m.SIM_TLS_CERT, key: m.SIM_TLS_KEY })) : undefined;
    const server = await startServer(opts.host ?? '127.0.0.1', opts.port ?? 0, { ctx, hub, faults, token, acceptTokens: opts.acceptTokens, user, latencyMs: opts.latencyMs ?? 0, requests, tls });
    ctx.info.url = server.url;
    const contextName = `arn:aws:eks:${ctx.info.region}:${ctx.info.accountId}:cluster/${ctx.info.clusterName}`;
    const kc = writeKubeconfig({ dir: opts.kubeconfigDir, contextName, server: server.url, ...(tls ? { token, caPem: tls.cert } : {}) });
    let ca: RunningSim['ca'] = null;
    if (tls) {
      ca = { pem: tls.cert, file: join(kc.dir, 'sim-ca.crt') };
      writeFileSync(ca.file, tls.cert);
    }
    const env: Record<string, string> = {
      KUBECONFIG: kc.path,
      AWS_ENDPOINT_URL_EKS: server.url,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_REGION: ctx.info.region,
      AWS_DEFAULT_REGION: ctx.info.region,
      AWS_EC2_METADATA_DISABLED: 'true',
      // Node (the CLI, the AWS SDK in it) and the AWS CLI trust the sim's certificate.
      ...(ca ? { NODE_EXTRA_CA_CERTS: ca.file, AWS_CA_BUNDLE: ca.file } : {}),
    };
    let closed = false;
    return {
      url: server.url,
      kubeconfigPath: kc.path,
      contextName,
      clusterName: ctx.info.clusterName,
      region: ctx.info.region,
      accountId: ctx.info.accountId,
      env,
      token,
      ca,
      cluster,
      faults,
      generated,
      requests,
      async close() {
        if (closed) return;
        closed = true;
        cluster.close();
        await server.close();
        // Only remove a kubeconfig directory the sim created itself.
        if (opts.kubeconfigDir === undefined) rmSync(kc.dir, { recursive: true, force: true });
        else if (ca) rmSync(ca.file, { force: true });
      },
    };
  } catch (err) {
    cluster.close();
    throw err;
  }
}
