// Why the fargate-scheduler refuses a pod: the FailedScheduling message fragments observed on
// real clusters (spec §2.3), joined with ", " after "Pod not supported on Fargate: ".
// Fragments marked INVENTED have no observed wording; they keep the same shape.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';

const SUPPORTED_VOLUMES = new Set(['emptyDir', 'configMap', 'secret', 'projected', 'downwardAPI', 'persistentVolumeClaim', 'ephemeral']);
const SUPPORTED_PV_DRIVERS = new Set(['efs.csi.aws.com']);
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
    const claim = String(v.persistentVolumeClaim.claimName);
    const pvc = ctx.store.get('persistentvolumeclaims', String(pod.metadata.namespace), claim);
    if (pvc === undefined) out.push(`volumes not supported: ${String(v.name)} not supported because: persistentvolumeclaim "${claim}" not found`);
    else if (pvc.status?.phase !== 'Bound') out.push(`volumes not supported: ${String(v.name)} not supported because: PVC ${claim} not bound`);
    else {
      const driver = pvDriver(pvc);
      if (driver !== null && !SUPPORTED_PV_DRIVERS.has(driver)) {
        out.push(`volumes not supported: ${String(v.name)} not supported because: PVC ${claim} bound to invalid PV ${String(pvc.spec?.volumeName ?? '')} with CSI Driver: ${driver}`);
      }
    }
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

/** The CSI driver behind a claim: the provisioner annotations a real PVC carries. */
export function pvDriver(pvc: Obj): string | null {
  const a = pvc.metadata?.annotations ?? {};
  return a['volume.kubernetes.io/storage-provisioner'] ?? a['volume.beta.kubernetes.io/storage-provisioner'] ?? null;
}
