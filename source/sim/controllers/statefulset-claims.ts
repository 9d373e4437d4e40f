// A StatefulSet's claims: volumeClaimTemplates become claims <template>-<sts>-<ordinal>, bound to
// new EBS PersistentVolumes (ebs.csi.aws.com), as a default EKS storage class would do it.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';

/** The PersistentVolume the EBS CSI driver provisions for a claim (dynamic provisioning). */
function ebsVolume(pvc: Obj): Obj {
  const name = String(pvc.spec.volumeName);
  return {
    metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com', 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' }, finalizers: ['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection'] },
    spec: {
      accessModes: pvc.spec.accessModes,
      capacity: { storage: pvc.status.capacity.storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion },
      csi: { driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeHandle: `vol-0${String(pvc.metadata.uid).replaceAll('-', '').slice(0, 16)}`, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '1717000000000-1234-ebs.csi.aws.com' } },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: pvc.spec.storageClassName,
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  };
}

export function ensureClaims(ctx: Ctx, sts: Obj, ordinal: number): Obj[] {
  const ns = String(sts.metadata.namespace);
  const volumes: Obj[] = [];
  for (const t of sts.spec.volumeClaimTemplates ?? []) {
    const claim = `${String(t.metadata.name)}-${String(sts.metadata.name)}-${ordinal}`;
    if (ctx.store.get('persistentvolumeclaims', ns, claim) === undefined) {
      const pvc = ctx.api.create('persistentvolumeclaims', {
        metadata: {
          name: claim,
          namespace: ns,
          labels: { ...sts.spec.selector?.matchLabels },
          annotations: {
            'pv.kubernetes.io/bind-completed': 'yes',
            'pv.kubernetes.io/bound-by-controller': 'yes',
            'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
            'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
          },
        },
        spec: { accessModes: t.spec?.accessModes ?? ['ReadWriteOnce'], resources: t.spec?.resources ?? { requests: { storage: '1Gi' } }, storageClassName: t.spec?.storageClassName ?? 'gp2', volumeMode: 'Filesystem' },
      });
      pvc.spec.volumeName = `pvc-${String(pvc.metadata.uid)}`;
      pvc.status = { phase: 'Bound', accessModes: pvc.spec.accessModes, capacity: { storage: pvc.spec.resources?.requests?.storage ?? '1Gi' } };
      ctx.api.write('persistentvolumeclaims', pvc);
      ctx.api.insert('persistentvolumes', ebsVolume(pvc));
    }
    volumes.push({ name: t.metadata.name, persistentVolumeClaim: { claimName: claim } });
  }
  return volumes;
}
