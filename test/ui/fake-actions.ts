// A stand-in for the host's reschedule actions: real plans (the pure planner over the views on
// screen), but runs the test drives by hand, and permissions the test chooses. Records every call.
import { planForKeys } from '../../source/actions/plan.js';
import type { Outcome, ProgressStep, RescheduleEvent, RescheduleResult, RescheduleStep } from '../../source/actions/types.js';
import type { RescheduleRun } from '../../source/actions/reschedule.js';
import type { PlanOptions, PodPermissions, ProfileDraft, ProfileExportFormat, TuiActions, TuiProfiles } from '../../source/ui/tui-actions.js';
import { NOW } from '../helpers/scene.js';

const FINAL: Record<Outcome, ProgressStep> = { succeeded: 'done', failed: 'failed', blocked: 'blocked', refused: 'refused', interrupted: 'interrupted' };

export class FakeRun implements RescheduleRun {
  events: RescheduleEvent[] = [];
  results: RescheduleResult[] = [];
  finished = false;
  cancelled = false;
  readonly done: Promise<RescheduleResult[]>;
  private resolveDone!: (results: RescheduleResult[]) => void;
  private listeners = new Set<(event: RescheduleEvent) => void>();

  constructor(readonly steps: readonly RescheduleStep[]) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  subscribe(listener: (event: RescheduleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** A progress event for the pod at `index` (0-based in the plan). */
  emit(index: number, step: ProgressStep, message: string): void {
    const planned = this.steps[index]!;
    const event: RescheduleEvent = { pod: planned.key, step, message, at: NOW, index: index + 1, total: this.steps.length };
    this.events.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  /** The pod's result, then its final event (the order the real executor uses). */
  result(index: number, outcome: Outcome, message: string, extra: Partial<RescheduleResult> = {}): void {
    const planned = this.steps[index]!;
    this.results.push({
      pod: planned.key,
      namespace: planned.pod.namespace,
      name: planned.pod.name,
      method: planned.method,
      outcome,
      from: planned.from,
      to: planned.to,
      landed: null,
      message,
      ...extra,
    });
    this.emit(index, FINAL[outcome], message);
  }

  end(): void {
    this.finished = true;
    this.resolveDone(this.results);
  }
}

export const allowAll = (namespace: string | null): PodPermissions => ({ namespace, canEvict: true, canDelete: true, canCreate: true, missing: [] });

export interface FakeActions {
  actions: TuiActions;
  plans: string[][];
  /** The options of each plan call, in order (undefined: none given). */
  planOptions: Array<PlanOptions | undefined>;
  runs: FakeRun[];
  permissionChecks: Array<string | null>;
}

/** `planner`: the plan the host would make (default: the pure planner, which reads no workload). */
export function fakeActions(permissions: (namespace: string | null) => PodPermissions = allowAll, planner: TuiActions['plan'] = planForKeys): FakeActions {
  const fake: FakeActions = {
    plans: [],
    planOptions: [],
    runs: [],
    permissionChecks: [],
    actions: {
      backupDir: '/var/backups/kf',
      plan: (pods, podKeys, options) => {
        fake.plans.push([...podKeys]);
        fake.planOptions.push(options === undefined ? undefined : { ...options });
        return options === undefined ? planner(pods, podKeys) : planner(pods, podKeys, options);
      },
      start: (steps) => {
        const run = new FakeRun(steps);
        fake.runs.push(run);
        return run;
      },
      permissions: async (namespace) => {
        fake.permissionChecks.push(namespace);
        return permissions(namespace);
      },
    },
  };
  return fake;
}

/** Permissions with some verbs denied in one namespace, as the sim's faults.deny() would answer. */
export function denying(namespaceDenied: string, denied: { evict?: boolean; delete?: boolean; create?: boolean }) {
  return (namespace: string | null): PodPermissions => {
    if (namespace !== namespaceDenied) return allowAll(namespace);
    const p = { namespace, canEvict: !denied.evict, canDelete: !denied.delete, canCreate: !denied.create, missing: [] as string[] };
    if (denied.delete) p.missing.push(`delete pods in ${namespace}`);
    if (denied.create) p.missing.push(`create pods in ${namespace}`);
    if (denied.evict) p.missing.push(`create pods/eviction in ${namespace}`);
    return p;
  };
}

/** A stand-in for the host's profile functions: previews it makes up, writes it only records (never sends). */
export interface FakeProfiles {
  profiles: TuiProfiles;
  previews: string[];
  deletes: string[];
  creates: ProfileDraft[];
  exports: Array<[string, ProfileExportFormat]>;
}

export function fakeProfiles(options: { dryRun?: boolean; readOnly?: boolean; failPreview?: string } = {}): FakeProfiles {
  const fake: FakeProfiles = {
    previews: [],
    deletes: [],
    creates: [],
    exports: [],
    profiles: {
      exportText: (name, format) => {
        fake.exports.push([name, format]);
        return format === 'eksctl' ? `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nfargateProfiles:\n  - name: ${name}\n` : `# ${format} of ${name}\n`;
      },
      writes: options.readOnly
        ? null
        : {
            dryRun: options.dryRun ?? false,
            previewDelete: async (name) => {
              fake.previews.push(`delete ${name}`);
              if (options.failPreview) throw new Error(options.failPreview);
              return { title: `Delete Fargate profile ${name}?`, lines: [`Deleting profile ${name} makes EKS stop the 1 pod it launched:`, 'test/test  stopped and lost: a bare pod (backed up first)'] };
            },
            delete: async (name, progress) => {
              fake.deletes.push(name);
              progress(`deleting Fargate profile ${name} (DeleteFargateProfile)`);
              return `profile ${name} is deleted`;
            },
            previewCreate: async (draft) => {
              fake.previews.push(`create ${draft.name} ${draft.selectors}`);
              if (options.failPreview) throw new Error(options.failPreview);
              return { title: `Create Fargate profile ${draft.name}?`, lines: [`What if: ${draft.name} would take 1 pod if re-created now`] };
            },
            create: async (draft, progress) => {
              fake.creates.push(draft);
              progress(`creating Fargate profile ${draft.name} (CreateFargateProfile)`);
              return `profile ${draft.name} is ACTIVE`;
            },
          },
    },
  };
  return fake;
}
