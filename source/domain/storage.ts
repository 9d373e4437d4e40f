// Can Fargate mount the volume behind a pod's PersistentVolumeClaim (spec §2.3, §3)?
// Fargate mounts EFS volumes (efs.csi.aws.com) and nothing else: fargate-scheduler rejects
// "PVC <pvc> bound to invalid PV <pv> with CSI Driver: ebs.csi.aws.com" and "PVC <pvc> not bound".
// Whether the volume was provisioned dynamically or statically does not matter: the
// PersistentVolume behind a bound claim is what counts, so it is read first; the claim's
// provisioner annotation and its StorageClass stand in when the volume is not visible.
import type { PersistentVolumeClaimRecord, PersistentVolumeRecord, PlacementContext, StorageClassRecord, VolumeRecord } from './types.js';

/** The one CSI driver whose volumes Fargate mounts. */
export const EFS_DRIVER = 'efs.csi.aws.com';

export type StorageView = Pick<PlacementContext, 'claims' | 'volumes' | 'storageClasses'>;

export interface ClaimCheck {
  /** Why Fargate cannot mount it (a blocker message), or null. */
  blocker: string | null;
  /** Why we cannot tell (the volume and its provisioner are not visible), or null. */
  unknown: string | null;
}

const FINE: ClaimCheck = { blocker: null, unknown: null };
const ONLY_EFS = `which Fargate cannot mount (only EFS, ${EFS_DRIVER}, works)`;

/**
 * Claims may be keyed by bare name (one namespace) or by "namespace/name" (the store's podKey);
 * either works.
 */
export function findClaim(
  claims: ReadonlyMap<string, PersistentVolumeClaimRecord>,
  namespace: string,
  name: string,
): PersistentVolumeClaimRecord | undefined {
  const c = claims.get(`${namespace}/${name}`) ?? claims.get(name);
  return c !== undefined && c.namespace === namespace ? c : undefined;
}

/** The StorageClass a claim asks for: its own, or the default one when it names none ("" = none on purpose). */
function classOf(claim: PersistentVolumeClaimRecord, classes: StorageView['storageClasses']): StorageClassRecord | undefined {
  if (classes === undefined || claim.storageClassName === '') return undefined;
  if (claim.storageClassName) return classes.get(claim.storageClassName);
  for (const c of classes.values()) if (c.isDefault) return c;
  return undefined;
}

function volumeOf(claim: PersistentVolumeClaimRecord, volumes: StorageView['volumes']): PersistentVolumeRecord | undefined {
  return claim.volumeName ? volumes?.get(claim.volumeName) : undefined;
}

/** A pod volume backed by a claim: can Fargate mount it? A claim we cannot see is no blocker (it may just be invisible to us). */
export function checkClaimVolume(volume: VolumeRecord, namespace: string, storage: StorageView): ClaimCheck {
  if (volume.kind !== 'persistentVolumeClaim' || volume.claimName === undefined || storage.claims === undefined) return FINE;
  const name = volume.claimName;
  const claim = findClaim(storage.claims, namespace, name);
  if (claim === undefined) return FINE;
  const what = `volume ${volume.name}: PVC ${name}`;
  const storageClass = classOf(claim, storage.storageClasses);

  if (!claim.bound) {
    const provisioner = claim.driver ?? storageClass?.provisioner ?? null;
    const by =
      provisioner === null ? '' : storageClass !== undefined && claim.driver === null ? `; its StorageClass ${storageClass.name} provisions with ${provisioner}` : `; it is to be provisioned by ${provisioner}`;
    return { blocker: `${what} not bound (Fargate needs a bound, statically provisioned EFS volume)${by}`, unknown: null };
  }

  const pv = volumeOf(claim, storage.volumes);
  if (pv !== undefined) {
    if (pv.csiDriver === EFS_DRIVER) return FINE;
    if (pv.csiDriver !== null) return { blocker: `${what} bound to PV ${pv.name} with CSI driver ${pv.csiDriver}, ${ONLY_EFS}`, unknown: null };
    if (pv.inTree !== null) return { blocker: `${what} bound to PV ${pv.name} (in-tree ${pv.inTree}), ${ONLY_EFS}`, unknown: null };
  }
  // The volume is not visible: the provisioner that made it is the next best evidence.
  const provisioner = claim.driver ?? storageClass?.provisioner ?? null;
  if (provisioner === EFS_DRIVER) return FINE;
  if (provisioner !== null) return { blocker: `${what} bound to a volume provisioned by ${provisioner}, ${ONLY_EFS}`, unknown: null };
  const pvName = claim.volumeName ? ` ${claim.volumeName}` : '';
  return {
    blocker: null,
    unknown: `cannot tell whether Fargate can mount ${what}: its PersistentVolume${pvName} is not visible and no provisioner is known (Fargate mounts only EFS)`,
  };
}
