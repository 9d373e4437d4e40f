import { startSim } from '../sim/index.js';

/**
 * `--demo`: a simulated EKS cluster in this process. Its kubeconfig and EKS endpoint replace the
 * user's for this run only, so nothing the user has configured is touched.
 */
export async function startDemo(): Promise<{ kubeconfigPath: string; close: () => Promise<void> }> {
  const sim = await startSim({ scenario: 'walkthrough' });
  for (const [key, value] of Object.entries(sim.env)) process.env[key] = value;
  delete process.env.AWS_PROFILE;
  return { kubeconfigPath: sim.kubeconfigPath, close: () => sim.close() };
}
