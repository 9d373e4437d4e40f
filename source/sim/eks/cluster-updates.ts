// UpdateClusterVersion, DescribeUpdate, ListUpdates: the cluster is UPDATING for
// `timing.clusterUpdateMs` (held while the 'eks-updates' gate is paused), then runs the new
// version. The checks are upgrade.ts's.
import type { Ctx } from '../context.js';
import { EksError } from './errors.js';
import type { ClusterUpdate } from './upgrade.js';
import { upgradeRefusal } from './upgrade.js';
import { eksVersion } from './versions.js';

export function updateJson(u: ClusterUpdate): object {
  // Epoch seconds as a number, like every EKS timestamp.
  return { id: u.id, status: u.status, type: u.type, params: u.params, createdAt: Math.round(u.createdAt) / 1000, errors: u.errors };
}

export function startVersionUpdate(ctx: Ctx, body: Record<string, unknown>): ClusterUpdate {
  const target = body.version;
  if (typeof target !== 'string' || target === '') throw new EksError('InvalidParameterException', 'version is required', { clusterName: ctx.info.clusterName });
  const refusal = upgradeRefusal(ctx, target);
  if (refusal !== null) throw refusal;
  const update: ClusterUpdate = {
    id: ctx.uid(),
    status: 'InProgress',
    type: 'VersionUpdate',
    params: [
      { type: 'Version', value: target },
      { type: 'PlatformVersion', value: eksVersion(target).platform },
    ],
    createdAt: ctx.clock.now(),
    errors: [],
  };
  ctx.info.updates.push(update);
  ctx.info.status = 'UPDATING';
  ctx.clock.later(ctx.timing.clusterUpdateMs, () =>
    ctx.gates.run('eks-updates', () => {
      ctx.info.version = target;
      ctx.info.status = 'ACTIVE';
      update.status = 'Successful';
    }),
  );
  return update;
}

export function findUpdate(ctx: Ctx, id: string): ClusterUpdate {
  const u = ctx.info.updates.find((x) => x.id === id);
  // INVENTED wording (the error type is the documented one).
  if (u === undefined) throw new EksError('ResourceNotFoundException', `No update found for ID: ${id}.`, { clusterName: ctx.info.clusterName });
  return u;
}
