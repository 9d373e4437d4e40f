// What the host (source/cli/view-mode.ts) hands the TUI to change or read the cluster. The UI
// never talks to the cluster itself: it plans, asks, and renders what it gets back. Tests pass
// fakes. This is also the UI's one door to actions/ and sources/: their types are named here
// (type-only, erased at build) and no other UI file imports those layers
// (test/architecture/imports.test.ts).
import type { PlanOptions } from '../actions/plan.js';
import type { RescheduleRun } from '../actions/reschedule.js';
import type { RescheduleStep } from '../actions/types.js';
import type { PodPermissions } from '../sources/kube/permissions.js';
import type { LogListener, LogOptions, PodDescription, PodReadPermissions } from '../sources/kube/pod-reads.js';
import type { PodView } from '../view-model/cluster-view.js';

export type { PodPermissions } from '../sources/kube/permissions.js';
export type { RescheduleRun } from '../actions/reschedule.js';
export type { PlanOptions } from '../actions/plan.js';
export type { RescheduleEvent, RescheduleResult, RescheduleStep, Method, Strategy, Where } from '../actions/types.js';
export type { LogListener, LogOptions, PodDescription, PodReadPermissions } from '../sources/kube/pod-reads.js';

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

/**
 * Reads of one pod, on demand (`y`, `d`, `l`): offered with --read-only too. Each rejects with
 * an Error whose message is one line for the user.
 */
export interface TuiReads {
  /** What the user may read in `namespace` (get pods, pods/log, list events); cached by the host. */
  permissions(namespace: string): Promise<PodReadPermissions>;
  yaml(namespace: string, name: string): Promise<string>;
  describe(namespace: string, name: string): Promise<PodDescription>;
  /** A container's log (null = the default one), followed; stop() ends it. */
  logs(namespace: string, name: string, container: string | null, options: LogOptions, listener: LogListener): { stop(): void };
}

/** A kubeconfig context, for `:ctx`. */
export interface KubeContextInfo {
  name: string;
  /** The kubeconfig cluster entry it uses. */
  cluster: string;
  namespace: string | null;
  /** The context the live view shows now. */
  current: boolean;
}

/** `:ctx`: the kubeconfig's contexts (read again each time) and switching the live view to one. */
export interface TuiContexts {
  list(): KubeContextInfo[];
  /** Watch `name`'s cluster and read its profiles instead; rejects with a one-line reason (nothing changed then). */
  switchTo(name: string): Promise<void>;
}

/** What `R` got: the number of EKS profiles read, or why they could not be. */
export interface ProfilesReread {
  profiles: number | null;
  problem: string | null;
}

/** The forms `e` shows a profile in (the same as `profile export -o`). */
export const PROFILE_EXPORT_FORMATS = ['eksctl', 'terraform', 'cloudformation', 'json'] as const;
export type ProfileExportFormat = (typeof PROFILE_EXPORT_FORMATS)[number];

/** What a profile write would do, shown in its dialog before anything is sent. */
export interface ProfilePreview {
  title: string;
  /** The what-if (pods captured, or what EKS does to the pods), and under --dry-run what would be sent. */
  lines: string[];
}

/** The create form's fields as typed: `selectors` is `NS[:key=value,...]`, several joined by `;`. */
export interface ProfileDraft {
  name: string;
  selectors: string;
}

/**
 * Profile writes (`c`, `x`), bound to the live session's kubeconfig and EKS client. Each
 * rejects with an Error whose message is one line for the user (nothing was sent then).
 */
export interface TuiProfileWrites {
  /** --dry-run: the dialogs show what would be sent and confirming sends nothing. */
  dryRun: boolean;
  previewDelete(name: string): Promise<ProfilePreview>;
  /** Backs up and journals the bare pods, sends DeleteFargateProfile, waits until it is gone; resolves to the outcome line. */
  delete(name: string, progress: (line: string) => void): Promise<string>;
  previewCreate(draft: ProfileDraft): Promise<ProfilePreview>;
  /** Sends CreateFargateProfile and waits until it is ACTIVE (or CREATE_FAILED); resolves to the outcome line. */
  create(draft: ProfileDraft, progress: (line: string) => void): Promise<string>;
}

/** The profiles view's host functions: `e` (a read, offered with --read-only) and the writes (null with --read-only). */
export interface TuiProfiles {
  /** One profile in `format`; throws an Error with a one-line message when it cannot. */
  exportText(name: string, format: ProfileExportFormat): string;
  writes: TuiProfileWrites | null;
}
