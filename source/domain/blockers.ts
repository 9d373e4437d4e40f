// What keeps a pod off Fargate (spec §2.3, §3). Messages follow fargate-scheduler's
// "Pod not supported on Fargate: ..." wording where one is known.
import { formatBytes, formatCpu, MAX_MEMORY_GB, MAX_VCPU, podRequirement, roundToFargateSize, type PodRequirement } from './sizing.js';
import { checkClaimVolume, type StorageView } from './storage.js';
import type { Blocker, PodRecord } from './types.js';

/** Volume sources that work on Fargate in practice (inferred from error patterns, spec §3). */
export const SUPPORTED_VOLUME_KINDS: ReadonlySet<string> = new Set([
  'emptyDir',
  'configMap',
  'secret',
  'projected',
  'downwardAPI',
  'persistentVolumeClaim',
]);

const ARCH_KEYS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];
const OS_KEYS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];

export type BlockerPod = Pick<
  PodRecord,
  | 'namespace'
  | 'owner'
  | 'hostNetwork'
  | 'hostPID'
  | 'hostIPC'
  | 'nodeSelector'
  | 'affinityArch'
  | 'affinityOs'
  | 'containers'
  | 'initContainers'
  | 'volumes'
>;

export function fargateBlockers(pod: BlockerPod, storage: StorageView = {}, req: PodRequirement = podRequirement(pod)): Blocker[] {
  const out: Blocker[] = [];
  const add = (code: Blocker['code'], message: string): void => {
    out.push({ code, message });
  };

  if (pod.owner?.kind === 'DaemonSet') {
    add('daemonset', `owned by DaemonSet ${pod.owner.name}: DaemonSets are not supported on Fargate`);
  }

  for (const [kind, containers] of [['init container', pod.initContainers], ['container', pod.containers]] as const) {
    for (const c of containers) {
      // Most containers have none of these: skip spelling out their names.
      if (!c.privileged && !c.allowPrivilegeEscalation && c.addedCapabilities.length + c.hostPorts.length + c.gpus.length === 0) continue;
      const what = `${kind} ${c.name}`;
      if (c.privileged) add('privileged', `${what} is privileged (invalid SecurityContext fields: Privileged)`);
      if (c.allowPrivilegeEscalation) {
        add('privilege-escalation', `${what} sets allowPrivilegeEscalation: true (invalid SecurityContext fields: AllowPrivilegeEscalation)`);
      }
      if (c.addedCapabilities.length > 0) {
        add('capabilities', `${what} adds capabilities ${c.addedCapabilities.join(', ')} (invalid SecurityContext fields: Capabilities added)`);
      }
      if (c.hostPorts.length > 0) {
        add('host-port', `${what} uses hostPort ${c.hostPorts.join(', ')} (port contains HostIP or HostPort)`);
      }
      if (c.gpus.length > 0) add('gpu', `${what} requests ${c.gpus.join(', ')}: Fargate has no GPUs or accelerators`);
    }
  }

  if (pod.hostNetwork) add('host-network', 'uses hostNetwork (fields not supported: HostNetwork)');
  if (pod.hostPID) add('host-pid', 'uses hostPID: not supported on Fargate');
  if (pod.hostIPC) add('host-ipc', 'uses hostIPC: not supported on Fargate');

  for (const v of pod.volumes) {
    if (!SUPPORTED_VOLUME_KINDS.has(v.kind)) {
      add('volume', `volume ${v.name} is of an unsupported volume type (${v.kind})`);
      continue;
    }
    const problem = checkClaimVolume(v, pod.namespace, storage).blocker;
    if (problem !== null) add('pvc', problem);
  }

  for (const key of ARCH_KEYS) {
    const arch = pod.nodeSelector[key];
    if (arch !== undefined && arch !== 'amd64') add('arch', `nodeSelector ${key}=${arch}: Fargate nodes are amd64 only`);
  }
  if (pod.affinityArch.length > 0 && !pod.affinityArch.includes('amd64')) {
    add('arch', `required node affinity allows only arch ${pod.affinityArch.join(', ')}: Fargate nodes are amd64 only`);
  }
  for (const key of OS_KEYS) {
    const os = pod.nodeSelector[key];
    if (os !== undefined && os !== 'linux') add('os', `nodeSelector ${key}=${os}: Fargate on EKS runs Linux only`);
  }
  if (pod.affinityOs.length > 0 && !pod.affinityOs.includes('linux')) {
    add('os', `required node affinity allows only os ${pod.affinityOs.join(', ')}: Fargate on EKS runs Linux only`);
  }

  if (roundToFargateSize(req.cpuMillis, req.memoryWithOverheadBytes) === null) {
    add(
      'too-large',
      `needs ${formatCpu(req.cpuMillis)} CPU and ${formatBytes(req.memoryWithOverheadBytes)} memory (with Fargate's 256 MiB overhead): ` +
        `more than the largest Fargate size, ${MAX_VCPU} vCPU / ${MAX_MEMORY_GB} GB`,
    );
  }
  return out;
}
