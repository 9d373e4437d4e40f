// The live view's plan (TuiActions.plan), as source/cli/view-mode.ts hands it to the TUI. Pods
// recycled for the upgrade (`U`) are planned as `reschedule --outdated` plans them: their
// workloads are read to choose how each is recycled (the default strategy: evicted, except a
// one-replica Deployment that eviction would take down, which is restarted), or the strategy the
// dialog's tab chose (`--strategy`).
import type { KubeConfig } from '@kubernetes/client-node';
import type { PodView } from '../domain/pod-view.js';
import { planForKeys, type PlanOptions } from './plan.js';
import type { RescheduleStep } from './types.js';
import { describeWorkloads } from './workloads.js';

export function viewPlanner(kc: KubeConfig) {
  return (pods: readonly PodView[], podKeys: readonly string[], options?: PlanOptions): RescheduleStep[] | Promise<RescheduleStep[]> =>
    options?.purpose === 'upgrade' ? describeWorkloads(kc, planForKeys(pods, podKeys, options), options.strategy) : planForKeys(pods, podKeys);
}
