// StatefulSet controller: pods <sts>-<ordinal> with stable names. OrderedReady creates one
// ordinal at a time once the lower ones are Ready; a deleted pod comes back under the same name
// after the old one is gone. volumeClaimTemplates become claims bound to new EBS volumes
// (PersistentVolumes of ebs.csi.aws.com), as a default EKS storage class would do it.
import type { Ctx } from '../context.js';
import { templateHash } from '../ids.js';
import type { Obj } from '../kube/resources.js';
import { controllerOf, isReady, podFromTemplate, workQueue, writeStatus } from './queue.js';

const RID = 'statefulsets.apps';

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

function ensureClaims(ctx: Ctx, sts: Obj, ordinal: number): Obj[] {
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

export function installStatefulSetController(ctx: Ctx): void {
  const { store } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const sts = store.get(RID, ns, name);
    if (sts === undefined || sts.metadata.deletionTimestamp !== undefined) return;
    const want = Number(sts.spec.replicas ?? 1);
    const ordered = sts.spec.podManagementPolicy !== 'Parallel';
    const revision = `${name}-${templateHash(JSON.stringify(sts.spec.template))}`;
    const pods: (Obj | undefined)[] = [];
    for (let i = 0; i < want; i++) {
      const pod = store.get('pods', ns, `${name}-${i}`);
      pods.push(pod !== undefined && controllerOf(pod)?.uid === sts.metadata.uid ? pod : undefined);
    }
    for (let i = 0; i < want; i++) {
      const pod = pods[i];
      const podName = `${name}-${i}`;
      if (pod === undefined) {
        if (store.get('pods', ns, podName) !== undefined) break; // the old one is still terminating
        const volumes = ensureClaims(ctx, sts, i);
        const manifest = podFromTemplate(sts, {
          name: podName,
          labels: { 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
        });
        manifest.spec.hostname = podName;
        if (sts.spec.serviceName) manifest.spec.subdomain = sts.spec.serviceName;
        if (volumes.length > 0) manifest.spec.volumes = [...(manifest.spec.volumes ?? []), ...volumes];
        pods[i] = ctx.api.create('pods', manifest);
        if (ordered) break;
      } else if (ordered && (!isReady(pod) || pod.metadata.deletionTimestamp !== undefined)) {
        break;
      }
    }
    // Scale down from the highest ordinal.
    for (const d of store.dependents(String(sts.metadata.uid))) {
      if (d.rid !== 'pods') continue;
      const m = /-(\d+)$/.exec(d.name);
      if (m !== null && Number(m[1]) >= want && !store.entry('pods', ns, d.name)?.deleting) ctx.api.delete('pods', ns, d.name);
    }
    const live = pods.filter((p): p is Obj => p !== undefined && p.metadata.deletionTimestamp === undefined);
    const ready = live.filter(isReady).length;
    writeStatus(ctx, RID, sts, {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      readyReplicas: ready,
      currentReplicas: live.length,
      updatedReplicas: live.length,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    });
  });

  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'StatefulSet') q.add(c.entry.ns, ref.name);
    }
  });
}
