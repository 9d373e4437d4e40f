// --dry-run=server: every write of a pod's reschedule is sent with dryRun=All, so RBAC,
// admission (EKS's Fargate webhook included) and PodDisruptionBudgets answer as they would, and
// nothing changes. There is nothing to wait for and no backup to write.
import type { KubeConfig } from '@kubernetes/client-node';
import { FARGATE_SCHEDULER, PROFILE_LABEL } from '../domain/types.js';
import { describeError } from '../errors.js';
import { dryRunText } from '../view-model/words/reschedule.js';
import { recreateManifest } from './manifest-source.js';
import { controllerRef, createPod, dryRunDeletePod, evictPod } from './kube-pods.js';
import { livePlannedPod, resultOf, type PodRunBase as PodRun } from './pod-run.js';
import type { RescheduleResult, RescheduleStep } from './types.js';
import type { Obj } from './watch-until.js';

const PREFIX = dryRunText('server');
const UNCHANGED = 'nothing was changed';

export async function serverDryRunPod(run: PodRun): Promise<RescheduleResult> {
  const planned = await livePlannedPod(run);
  if ('failed' in planned) return planned.failed;
  const { live } = planned;
  const ref = controllerRef(live);
  if (run.step.method === 'recreate') {
    if (ref) return resultOf(run.step, 'failed', `${PREFIX}: it is now controlled by ${String(ref.kind)} ${String(ref.name)}: it would not be re-created`);
    return dryRunRecreate(run, live);
  }
  if (!ref) return resultOf(run.step, 'failed', `${PREFIX}: it has no controller that would re-create it: it would not be evicted`);
  if (ref.kind === 'DaemonSet') return resultOf(run.step, 'refused', `owned by DaemonSet ${String(ref.name)}: not evicted`);
  return dryRunEvict(run, live);
}

async function dryRunEvict(run: PodRun, live: Obj): Promise<RescheduleResult> {
  const { step } = run;
  run.emit('evict', 'asking the API server to evict it (server dry run: PodDisruptionBudgets apply, nothing is evicted)');
  let outcome;
  try {
    outcome = await evictPod(run.kc, live, { dryRun: true });
  } catch (error) {
    return resultOf(step, 'failed', `${PREFIX}: the eviction would fail: ${describeError(error)}; ${UNCHANGED}`);
  }
  if (outcome.kind === 'gone') return resultOf(step, 'failed', `${PREFIX}: the pod no longer exists; ${UNCHANGED}`);
  if (outcome.kind === 'refused') {
    // No retries: nothing changes during a dry run that would make a budget allow it.
    return outcome.pdb
      ? resultOf(step, 'blocked', `${PREFIX}: blocked: ${outcome.message}; ${UNCHANGED}`)
      : resultOf(step, 'failed', `${PREFIX}: the eviction would be refused: ${outcome.message}; ${UNCHANGED}`);
  }
  return resultOf(step, 'succeeded', `${PREFIX}: the API server allows the eviction (PodDisruptionBudgets checked); ${UNCHANGED}`);
}

/**
 * A bare pod: the delete with its uid precondition, then the create of the manifest under a
 * generated name (the real name answers 409 AlreadyExists while the pod exists), whose admission
 * says where EKS would put it.
 */
async function dryRunRecreate(run: PodRun, live: Obj): Promise<RescheduleResult> {
  const { kc, step } = run;
  const { manifest } = recreateManifest(live, run.from);
  run.emit('dry-run', 'asking the API server to delete it and create it again (server dry run: nothing is deleted or created)');
  let admitted: Admission;
  try {
    admitted = await previewAdmission(kc, manifest);
  } catch (error) {
    return resultOf(step, 'failed', `${PREFIX}: the API server would not accept the re-created pod: ${describeError(error)}; ${UNCHANGED}`);
  }
  try {
    await dryRunDeletePod(kc, live);
  } catch (error) {
    return resultOf(step, 'failed', `${PREFIX}: the API server would not delete it: ${describeError(error)}; ${UNCHANGED}`);
  }
  const { asPlanned, text } = admissionVerdict(step, admitted);
  const message = `${PREFIX}: the API server accepts the delete and the re-create${asPlanned ? '; ' : ', but '}${text}; ${UNCHANGED}`;
  return resultOf(step, asPlanned ? 'succeeded' : 'failed', message);
}

/** Where the admission webhooks put a pod created now: Fargate (under a profile), or not. */
export interface Admission {
  fargate: boolean;
  profile: string | null;
}

/** A dry-run create of the manifest under a generated name; the answer is the admitted pod. */
export async function previewAdmission(kc: KubeConfig, manifest: Obj): Promise<Admission> {
  const preview = await createPod(kc, generateNameCopy(manifest), { dryRun: true });
  const fargate = preview?.spec?.schedulerName === FARGATE_SCHEDULER;
  const profile = fargate ? ((preview?.metadata?.labels?.[PROFILE_LABEL] as string | undefined) ?? null) : null;
  return { fargate, profile };
}

/** The same pod under a generated name, so a dry-run create does not collide with the live one. */
export function generateNameCopy(manifest: Obj): Obj {
  const copy = structuredClone(manifest);
  const base = String(copy.metadata?.name ?? 'pod').slice(0, 57);
  copy.metadata = { ...copy.metadata, generateName: `${base}-` };
  delete copy.metadata.name;
  return copy;
}

/** The admission compared with the plan's destination. */
export function admissionVerdict(step: Pick<RescheduleStep, 'to'>, admitted: Admission): { asPlanned: boolean; text: string } {
  const expected = step.to;
  if (admitted.fargate) {
    const under = admitted.profile ? `EKS admits it to Fargate under ${admitted.profile}` : 'EKS admits it to Fargate';
    if (expected.runsOn === 'fargate' && (expected.profile === null || admitted.profile === null || expected.profile === admitted.profile)) return { asPlanned: true, text: under };
    if (expected.runsOn === 'fargate') return { asPlanned: false, text: `${under}, not under ${expected.profile} as planned` };
    return { asPlanned: false, text: `${under}, although the plan expected EC2` };
  }
  if (expected.runsOn === 'ec2') return { asPlanned: true, text: 'it would run on EC2, as planned' };
  return { asPlanned: false, text: `EKS would not admit it to Fargate (expected profile ${expected.profile}): check that the profile is ACTIVE and selects its namespace and labels` };
}
