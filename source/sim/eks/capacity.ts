// The CapacityProvisioned annotation Fargate writes (spec §4.1), via the domain's sizing rules.
import { podRequirement, roundToFargateSize, formatSize } from '../../domain/sizing.js';
import type { ContainerRecord } from '../../domain/types.js';
import type { Obj } from '../kube/resources.js';

function record(c: Obj): ContainerRecord {
  const r = c.resources ?? {};
  return {
    name: String(c.name),
    image: String(c.image),
    requests: { cpu: r.requests?.cpu, memory: r.requests?.memory },
    limits: { cpu: r.limits?.cpu, memory: r.limits?.memory },
    gpus: [],
    privileged: false,
    allowPrivilegeEscalation: false,
    addedCapabilities: [],
    hostPorts: [],
    restartPolicy: c.restartPolicy,
  };
}

/** "0.25vCPU 0.5GB"; null when the pod needs more than the largest Fargate size. */
export function capacityProvisioned(pod: Obj): string | null {
  const need = podRequirement({ containers: (pod.spec?.containers ?? []).map(record), initContainers: (pod.spec?.initContainers ?? []).map(record) });
  const size = roundToFargateSize(need.cpuMillis, need.memoryWithOverheadBytes);
  return size === null ? null : formatSize(size.vcpu, size.memoryGb);
}
