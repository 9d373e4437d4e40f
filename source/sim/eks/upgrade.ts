// Control-plane upgrades as EKS allows them (spec §2.5): one minor version up at a time, and not
// while any Fargate node (= Fargate pod) runs a kubelet older than the current minor: EKS wants
// those pods recycled first. EC2 nodes are not checked (node groups are outside the sim).
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { COMPUTE_TYPE_LABEL } from './nodes.js';
import { EksError } from './errors.js';
import { EKS_VERSIONS, minorOf } from './versions.js';

export interface ClusterUpdate {
  id: string;
  status: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
  type: 'VersionUpdate';
  params: { type: string; value: string }[];
  /** Epoch ms. */
  createdAt: number;
  errors: { errorCode: string; errorMessage: string; resourceIds: string[] }[];
}

/** Fargate nodes whose kubelet minor is below the control plane's. */
export function outdatedFargateNodes(ctx: Pick<Ctx, 'store' | 'info'>): Obj[] {
  const current = minorOf(ctx.info.version);
  const out: Obj[] = [];
  for (const e of ctx.store.entries('nodes')) {
    if (e.labels?.[COMPUTE_TYPE_LABEL] !== 'fargate') continue;
    const node = JSON.parse(e.json);
    if (minorOf(String(node.status?.nodeInfo?.kubeletVersion ?? '')) < current) out.push(node);
  }
  return out;
}

/** Why EKS would refuse to move the control plane to `target` now; null = it would start. */
export function upgradeRefusal(ctx: Pick<Ctx, 'store' | 'info'>, target: string): EksError | null {
  const { info } = ctx;
  const extra = { clusterName: info.clusterName };
  const inProgress = info.updates.find((u) => u.status === 'InProgress');
  if (inProgress !== undefined) return new EksError('ResourceInUseException', `Cannot VersionUpdate because cluster ${info.clusterName} currently has update ${inProgress.id} in progress`, extra);
  // INVENTED wording for a version EKS does not offer (the sim knows EKS_VERSIONS).
  if (EKS_VERSIONS[target] === undefined) return new EksError('InvalidParameterException', `Unsupported Kubernetes version ${target}`, extra);
  // INVENTED wording (the shape of UpdateClusterConfig's "already at the desired configuration").
  if (target === info.version) return new EksError('InvalidParameterException', `Cluster is already at the desired configuration with version: ${target}`, extra);
  if (minorOf(target) !== minorOf(info.version) + 1) return new EksError('InvalidParameterException', `Unsupported Kubernetes minor version update from ${info.version} to ${target}`, extra);
  if (outdatedFargateNodes(ctx).length > 0) {
    return new EksError(
      'InvalidRequestException',
      `Kubelet version of Fargate pods must be updated to match cluster version ${info.version} before updating cluster version; Please recycle all offending pod replicas`,
      extra,
    );
  }
  return null;
}
