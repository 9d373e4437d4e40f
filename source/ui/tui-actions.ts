// What the host (source/cli/view-mode.ts) hands the TUI to change the cluster. The UI never talks
// to the cluster itself: it plans, asks, and renders the run it gets back. Tests pass a fake.
// This is also the UI's one door to actions/ and sources/: their types are named here (type-only,
// erased at build) and no other UI file imports those layers (test/architecture/imports.test.ts).
import type { PlanOptions } from '../actions/plan.js';
import type { RescheduleRun } from '../actions/reschedule.js';
import type { RescheduleStep } from '../actions/types.js';
import type { PodPermissions } from '../sources/kube/permissions.js';
import type { PodView } from '../view-model/cluster-view.js';

export type { PodPermissions } from '../sources/kube/permissions.js';
export type { RescheduleRun } from '../actions/reschedule.js';
export type { PlanOptions } from '../actions/plan.js';
export type { RescheduleEvent, RescheduleResult, RescheduleStep, Method, Where } from '../actions/types.js';

export interface TuiActions {
  /**
   * The plan for these pods ("namespace/name"), from the views on screen. For the upgrade
   * (`options.purpose`), the host also reads their workloads to choose how each is recycled.
   */
  plan(pods: readonly PodView[], podKeys: readonly string[], options?: PlanOptions): RescheduleStep[] | Promise<RescheduleStep[]>;
  /** Start the plan; the run outlives the view that started it. */
  start(steps: readonly RescheduleStep[]): RescheduleRun;
  /** What the user may do to pods in `namespace` (null = cluster scope); cached by the host. */
  permissions(namespace: string | null): Promise<PodPermissions>;
  /** Where bare pods are backed up (shown in the confirmation). */
  backupDir: string;
}
