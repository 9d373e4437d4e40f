// A sim for tests that call EKS through the real AWS SDK: the process env points the SDK's
// default chain at the sim (endpoint, dummy keys) and away from the user's ~/.aws files.
import { after, before } from 'node:test';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import type { ClusterIdentity } from '../../source/store/snapshot.js';

export function useEksSim(): { sim: () => RunningSim; identity: () => ClusterIdentity } {
  let sim: RunningSim;
  let identity: ClusterIdentity;
  const savedEnv = { ...process.env };
  before(async () => {
    sim = await startSim();
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, sim.env, {
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    });
    identity = { context: sim.contextName, clusterName: sim.clusterName, region: sim.region, accountId: sim.accountId, awsProfile: null, roleArn: null, inferredFrom: 'arn' };
  });
  after(async () => {
    process.env = savedEnv;
    await sim.close();
  });
  return { sim: () => sim, identity: () => identity };
}
