import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim } from '../sim/index.js';
import { cleanUpAtExit } from './closed-pipe.js';

/**
 * `--demo`: a simulated EKS cluster in this process. Its kubeconfig, EKS endpoint and state
 * directory (backups, journal) replace the user's for this run only, so nothing the user has
 * configured or kept is touched.
 */
export async function startDemo(): Promise<{ kubeconfigPath: string; close: () => Promise<void> }> {
  // Its kubeconfig is removed at any exit, a closed pipe's too, not only after a clean close.
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-fargate-demo-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const unregister = cleanUpAtExit(removeDir);
  const sim = await startSim({ scenario: 'walkthrough', kubeconfigDir: dir });
  // Backups and the reschedule journal of a demo belong to the demo: kept beside its kubeconfig,
  // not in the user's state directory (where a real cluster's are), and removed with it.
  process.env.XDG_STATE_HOME = join(dir, 'state');
  for (const [key, value] of Object.entries(sim.env)) process.env[key] = value;
  delete process.env.AWS_PROFILE;
  return {
    kubeconfigPath: sim.kubeconfigPath,
    close: async () => {
      await sim.close();
      removeDir();
      unregister();
    },
  };
}
