// Fargate pod size and price (spec §4.1, §4.3).
import { hourlyPrice, type HourlyRates } from './fargate-prices.js';
import { GiB, MiB, parseCpuMillis, parseMemoryBytes } from './quantity.js';
import type { ContainerRecord, FargateSize, PodRecord } from './types.js';

/** Fargate adds 256 MB for kubelet, kube-proxy and containerd (spec §4.1; treated as MiB). */
export const OVERHEAD_BYTES = 256 * MiB;

export interface SizeTier {
  vcpu: number;
  /** Memory options in GB (behave as GiB), ascending. */
  memoryGb: number[];
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
};

/** Valid vCPU / memory pairs (UG-podcfg table). */
export const FARGATE_SIZES: readonly SizeTier[] = [
  { vcpu: 0.25, memoryGb: [0.5, 1, 2] },
  { vcpu: 0.5, memoryGb: [1, 2, 3, 4] },
  { vcpu: 1, memoryGb: range(2, 8, 1) },
  { vcpu: 2, memoryGb: range(4, 16, 1) },
  { vcpu: 4, memoryGb: range(8, 30, 1) },
  { vcpu: 8, memoryGb: range(16, 60, 4) },
  { vcpu: 16, memoryGb: range(32, 120, 8) },
];

export const MAX_VCPU = 16;
export const MAX_MEMORY_GB = 120;

export interface PodRequirement {
  /** max(init, app) CPU, millicores. */
  cpuMillis: number;
  /** max(init, app) memory, bytes, WITHOUT the 256 MiB overhead. */
  memoryBytes: number;
  /** memoryBytes + 256 MiB: what gets rounded up. */
  memoryWithOverheadBytes: number;
}

// A request, or the limit when the request is absent (Kubernetes defaults requests to limits).
function amount(c: ContainerRecord, which: 'cpu' | 'memory'): number {
  const text = c.requests[which] ?? c.limits[which];
  if (text === undefined) return 0;
  const v = which === 'cpu' ? parseCpuMillis(text) : parseMemoryBytes(text);
  return v ?? 0; // an unparsable quantity would be rejected by the API server; count it as nothing
}

/**
 * The pod's resource need per §4.1: init = max over init containers (per resource),
 * app = sum over long-running containers, pod = max(init, app).
 * Native sidecars (init containers with restartPolicy Always) keep running next to the app, so
 * they are counted as app containers — Kubernetes does the same; AWS does not document it.
 * (Kubernetes also adds sidecars started earlier to each later init container; ignored here.)
 */
export function podRequirement(pod: Pick<PodRecord, 'containers' | 'initContainers'>): PodRequirement {
  // Plain loops: this runs for every pod of every evaluation (10k pods, twice a second in the TUI).
  let initCpu = 0;
  let initMemory = 0;
  let appCpu = 0;
  let appMemory = 0;
  for (const c of pod.containers) {
    appCpu += amount(c, 'cpu');
    appMemory += amount(c, 'memory');
  }
  for (const c of pod.initContainers) {
    if (c.restartPolicy === 'Always') {
      appCpu += amount(c, 'cpu');
      appMemory += amount(c, 'memory');
    } else {
      initCpu = Math.max(initCpu, amount(c, 'cpu'));
      initMemory = Math.max(initMemory, amount(c, 'memory'));
    }
  }
  const memoryBytes = Math.max(initMemory, appMemory);
  return { cpuMillis: Math.max(initCpu, appCpu), memoryBytes, memoryWithOverheadBytes: memoryBytes + OVERHEAD_BYTES };
}

/**
 * Round up to a valid pair: the smallest vCPU tier >= cpu that has a memory option >= memory,
 * then the smallest such option. null when beyond 16 vCPU / 120 GB.
 */
export function roundToFargateSize(cpuMillis: number, memoryBytes: number): { vcpu: number; memoryGb: number } | null {
  for (const tier of FARGATE_SIZES) {
    if (tier.vcpu * 1000 < cpuMillis) continue;
    const mem = tier.memoryGb.find((gb) => gb * GiB >= memoryBytes);
    if (mem !== undefined) return { vcpu: tier.vcpu, memoryGb: mem };
  }
  return null;
}

/** "0.25vCPU 0.5GB", "2vCPU 9GB" — the CapacityProvisioned annotation form. */
export function formatSize(vcpu: number, memoryGb: number): string {
  return `${vcpu}vCPU ${memoryGb}GB`;
}

/** The Fargate size EKS would provision for the pod, priced at `rates` (null: unknown); null when it fits no Fargate size. */
export function fargateSize(
  pod: Pick<PodRecord, 'containers' | 'initContainers' | 'capacityProvisioned'>,
  req: PodRequirement = podRequirement(pod),
  rates: HourlyRates | null = null,
): FargateSize | null {
  const size = roundToFargateSize(req.cpuMillis, req.memoryWithOverheadBytes);
  if (size === null) return null;
  return {
    vcpu: size.vcpu,
    memoryGb: size.memoryGb,
    label: formatSize(size.vcpu, size.memoryGb),
    hourlyUsd: hourlyPrice(size.vcpu, size.memoryGb, rates),
    provisioned: pod.capacityProvisioned,
  };
}

const CAPACITY = /^\s*(\d+(?:\.\d+)?)\s*vCPU\s+(\d+(?:\.\d+)?)\s*GB\s*$/;

/** "0.25vCPU 0.5GB" -> {vcpu: 0.25, memoryGb: 0.5}; null when not in that form. */
export function parseCapacityProvisioned(text: string | null | undefined): { vcpu: number; memoryGb: number } | null {
  if (text === null || text === undefined) return null;
  const m = CAPACITY.exec(text);
  if (m === null) return null;
  return { vcpu: Number(m[1]), memoryGb: Number(m[2]) };
}

/** "1.5 GiB", "300 MiB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${Number((bytes / GiB).toFixed(2))} GiB`;
  return `${Number((bytes / MiB).toFixed(1))} MiB`;
}

/** "250m", "2" (cores) for messages. */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`;
}
