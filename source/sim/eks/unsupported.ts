// Why the fargate-scheduler refuses a pod: the FailedScheduling message fragments observed on
// real clusters (spec §2.3), joined with ", " after "Pod not supported on Fargate: ".
// Fragments marked INVENTED have no observed wording; they keep the same shape. Volume types
// that work (spec §3): emptyDir, configMap, secret, projected, downwardAPI, and claims bound to
// static EFS volumes; anything else (hostPath, generic ephemeral, inline CSI ...) is refused.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';

const SUPPORTED_VOLUMES = new Set(['emptyDir', 'configMap', 'secret', 'projected', 'downwardAPI', 'persistentVolumeClaim']);
const SUPPORTED_PV_DRIVER = 'efs.csi.aws.com';
const VOLUME_META = new Set(['name']);

export const NOT_SUPPORTED_PREFIX = 'Pod not supported on Fargate: ';

export function unsupportedReasons(ctx: Pick<Ctx, 'store'>, pod: Obj): string[] {
  const spec = pod.spec ?? {};
  const out: string[] = [];
  const hostFields = [spec.hostNetwork && 'HostNetwork', spec.hostPID && 'HostPID', spec.hostIPC && 'HostIPC'].filter(Boolean);
  // "fields not supported: HostNetwork" is observed; HostPID / HostIPC in the same list are INVENTED.
  if (hostFields.length > 0) out.push(`fields not supported: ${hostFields.join(', ')}`);
  const containers: Obj[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.some((c) => (c.ports ?? []).some((p: Obj) => p.hostPort || p.hostIP))) out.push('port contains HostIP or HostPort');
  const sc: string[] = [];
  if (containers.some((c) => c.securityContext?.privileged === true)) sc.push('Privileged');
  if (containers.some((c) => c.securityContext?.allowPrivilegeEscalation === true)) sc.push('AllowPrivilegeEscalation');
  const caps = containers.flatMap((c) => (c.securityContext?.capabilities?.add ?? []) as string[]);
  if (caps.length > 0) sc.push(`Capabilities added: ${caps.map((c) => (c.startsWith('CAP_') ? c : `CAP_${c}`)).join(', ')}`);
  if (sc.length > 0) out.push(`invalid SecurityContext fields: ${sc.join(', ')}`);
  for (const v of spec.volumes ?? []) {
    const kind = Object.keys(v).find((k) => !VOLUME_META.has(k)) ?? 'unknown';
    if (!SUPPORTED_VOLUMES.has(kind)) {
      out.push(`volumes not supported: ${String(v.name)} is of an unsupported volume Type`);
      continue;
    }
    if (kind !== 'persistentVolumeClaim') continue;
    const problem = claimProblem(ctx, String(pod.metadata.namespace), String(v.persistentVolumeClaim?.claimName ?? ''));
    if (problem !== null) out.push(`volumes not supported: ${String(v.name)} not supported because: ${problem}`);
  }
  // INVENTED: Fargate has no GPUs and only linux/amd64; no observed message exists.
  const gpus = containers.flatMap((c) => Object.keys({ ...c.resources?.limits, ...c.resources?.requests }).filter((k) => /gpu|neuron|inferentia/i.test(k)));
  if (gpus.length > 0) out.push(`resources not supported: ${[...new Set(gpus)].join(', ')}`);
  const arch = spec.nodeSelector?.['kubernetes.io/arch'];
  if (arch !== undefined && arch !== 'amd64') out.push(`node selector not supported: kubernetes.io/arch=${String(arch)}`);
  const os = spec.nodeSelector?.['kubernetes.io/os'];
  if (os !== undefined && os !== 'linux') out.push(`node selector not supported: kubernetes.io/os=${String(os)}`);
  return out;
}

/**
 * What is wrong with a claim for Fargate, in the fargate-scheduler's words; null = fine.
 * Fargate mounts only statically provisioned EFS volumes (efs.csi.aws.com); EBS and FSx are
 * refused with the observed "bound to invalid PV ... with CSI Driver: ..." message.
 */
function claimProblem(ctx: Pick<Ctx, 'store'>, namespace: string, claim: string): string | null {
  const pvc = ctx.store.get('persistentvolumeclaims', namespace, claim);
  if (pvc === undefined) return `persistentvolumeclaim "${claim}" not found`;
  const pvName = pvc.spec?.volumeName;
  if (pvc.status?.phase !== 'Bound' || typeof pvName !== 'string' || pvName === '') return `PVC ${claim} not bound`;
  const pv = ctx.store.get('persistentvolumes', '', pvName);
  // INVENTED wording: a claim whose volume is gone (the claim turns Lost in Kubernetes).
  if (pv === undefined) return `PVC ${claim} bound to missing PV ${pvName}`;
  const driver = volumeDriver(pv);
  if (driver === SUPPORTED_PV_DRIVER) return null;
  if (driver !== null) return `PVC ${claim} bound to invalid PV ${pvName} with CSI Driver: ${driver}`;
  // INVENTED wording: an in-tree volume type other than EBS (nfs, hostPath, local ...).
  return `PVC ${claim} bound to invalid PV ${pvName} with volume type: ${pvSourceKind(pv)}`;
}

/**
 * The CSI driver of a PersistentVolume. An in-tree awsElasticBlockStore volume counts as
 * ebs.csi.aws.com: EKS migrates the in-tree EBS plugin to that driver (CSI migration).
 */
function volumeDriver(pv: Obj): string | null {
  if (typeof pv.spec?.csi?.driver === 'string') return pv.spec.csi.driver;
  if (pv.spec?.awsElasticBlockStore !== undefined) return 'ebs.csi.aws.com';
  return null;
}

const PV_SPEC_FIELDS = new Set(['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'volumeAttributesClassName']);

function pvSourceKind(pv: Obj): string {
  return Object.keys(pv.spec ?? {}).find((k) => !PV_SPEC_FIELDS.has(k)) ?? 'unknown';
}
