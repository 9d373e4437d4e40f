// The fargate-scheduler: for each admitted pod, check the profile it was admitted under and the
// pod's Fargate compatibility, then start a micro-VM (a fresh fargate-ip-... node), bind the pod
// and annotate its size (spec §2.2, §2.3). It does not retry pods it refused (CR#2654).
// When a Fargate pod goes away, its node goes too.
import { CAPACITY_ANNOTATION, FARGATE_SCHEDULER, PROFILE_LABEL } from '../../domain/types.js';
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { capacityProvisioned } from '../eks/capacity.js';
import { fargateNode, isFargateNode } from '../eks/nodes.js';
import { subnetById } from '../eks/vpc.js';
import { NOT_SUPPORTED_PREFIX, unsupportedReasons } from '../eks/unsupported.js';
import { bindPod, markUnschedulable } from './pod-status.js';

const COMPONENT = FARGATE_SCHEDULER;
const ZONES = ['a', 'b', 'c'];

/** Why a pod cannot start on Fargate, as the FailedScheduling message; null = it can. */
export function fargateRefusal(ctx: Pick<Ctx, 'store' | 'profiles'>, pod: Obj): string | null {
  const profileName = pod.metadata.labels?.[PROFILE_LABEL];
  const profile = profileName === undefined ? undefined : ctx.profiles.get(profileName);
  // INVENTED wording: AWS documents no message for a pod whose profile is gone or not ACTIVE;
  // the "Misconfigured Fargate Profile: fargate profile X ..." prefix is the observed shape.
  if (profileName === undefined) return 'Misconfigured Fargate Profile: pod is not selected by any Fargate profile';
  if (profile === undefined) return `Misconfigured Fargate Profile: fargate profile ${profileName} not found`;
  if (profile.status !== 'ACTIVE') return `Misconfigured Fargate Profile: fargate profile ${profileName} is ${profile.status}`;
  const reasons = unsupportedReasons(ctx, pod);
  if (reasons.length > 0) return NOT_SUPPORTED_PREFIX + reasons.join(', ');
  // INVENTED wording for a pod above 16 vCPU / 120 GB.
  if (capacityProvisioned(pod) === null) return `${NOT_SUPPORTED_PREFIX}resource requests exceed the largest Fargate size (16vCPU 120GB)`;
  return null;
}

/** Start the pod's micro-VM: a new node, the pod bound to it with podIP == hostIP. */
export function launchOnFargate(ctx: Ctx, pod: Obj): Obj {
  const profile = ctx.profiles.get(String(pod.metadata.labels?.[PROFILE_LABEL]));
  // AWS spreads pods over the profile's subnets; the node lands in that subnet's zone.
  const subnets = profile?.subnets ?? [];
  const pick = Math.floor(ctx.rand() * (subnets.length > 0 ? subnets.length : ZONES.length));
  const zone = `${ctx.info.region}${subnets.length > 0 ? (subnetById(subnets[pick]!)?.zone ?? ZONES[pick % ZONES.length]) : ZONES[pick]}`;
  const ip = ctx.ips.next();
  const node = fargateNode(ctx, ip, zone);
  ctx.api.insert('nodes', node);
  bindPod(pod, node.metadata.name, ip, ip, ctx.clock.now());
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    [CAPACITY_ANNOTATION]: capacityProvisioned(pod) ?? '0.25vCPU 0.5GB',
    Logging: 'LoggingDisabled: LOGGING_CONFIGMAP_NOT_FOUND',
  };
  return node;
}

export function installFargateScheduler(ctx: Ctx): void {
  const { store, clock, timing } = ctx;
  const seen = new Set<string>();

  const attempt = (ns: string, name: string, uid: string): void => {
    const pod = store.get('pods', ns, name);
    if (pod === undefined || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const refusal = fargateRefusal(ctx, pod);
    if (refusal !== null) {
      markUnschedulable(pod, refusal, clock.now());
      ctx.api.write('pods', pod);
      ctx.events.record(pod, { type: 'Warning', reason: 'FailedScheduling', message: refusal, component: COMPONENT });
      return;
    }
    const node = launchOnFargate(ctx, pod);
    ctx.api.write('pods', pod);
    ctx.events.record(pod, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${String(node.metadata.name)}`, component: COMPONENT });
    ctx.events.record(pod, {
      type: 'Normal',
      reason: 'LoggingDisabled',
      message: 'Disabled logging because aws-logging configmap was not found. configmap "aws-logging" not found',
      component: COMPONENT,
    });
  };

  store.subscribe((c) => {
    if (c.rid !== 'pods') return;
    const pod = c.obj;
    const uid = String(pod.metadata.uid);
    if (c.type === 'DELETED') {
      seen.delete(uid);
      const nodeName = pod.spec?.nodeName;
      if (typeof nodeName === 'string' && nodeName.startsWith('fargate-')) {
        clock.later(timing.controllerMs, () => {
          const node = store.get('nodes', '', nodeName);
          if (node === undefined || !isFargateNode(node)) return;
          store.remove('nodes', '', nodeName);
          const ip = (node.status?.addresses ?? []).find((a: Obj) => a.type === 'InternalIP')?.address;
          if (ip !== undefined) ctx.ips.release(ip);
        });
      }
      return;
    }
    if (pod.spec?.schedulerName !== FARGATE_SCHEDULER || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    if (pod.status?.conditions?.some((x: Obj) => x.type === 'PodScheduled' && x.reason === 'Unschedulable')) return;
    if (seen.has(uid)) return;
    seen.add(uid);
    const ns = String(pod.metadata.namespace);
    const name = String(pod.metadata.name);
    clock.later(timing.fargateScheduleMs, () => ctx.gates.run(COMPONENT, () => attempt(ns, name, uid)));
  });
}
