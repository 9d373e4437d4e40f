// The CapacityProvisioned annotation Fargate writes on a pod it launches, worked out from the
// EKS user guide (fargate-pod-configuration.html, spec §4.1) with the sim's own arithmetic, not
// the tool's (a test compares the two):
//  1. init need = the largest request among init containers, per resource;
//  2. app need = the sum of the requests of the long-running containers (native sidecars, init
//     containers with restartPolicy Always, keep running, so they count here);
//  3. pod need = max(init, app), per resource; memory += 256 MB (read as MiB) for the kubelet,
//     kube-proxy and containerd;
//  4. the smallest vCPU tier >= the CPU need that has a memory option >= the memory need, and
//     the smallest such option; nothing requested = 0.25 vCPU / 0.5 GB. GB behave as GiB.
// The pod here is as the API server stored it, so requests already default to limits.
import type { Obj } from '../kube/resources.js';

/** Valid vCPU / memory pairs: vCPU in millicores, memory options in MiB. */
const SIZES: readonly { millicores: number; memoryMiB: number[] }[] = [
  { millicores: 250, memoryMiB: gb([0.5, 1, 2]) },
  { millicores: 500, memoryMiB: gb([1, 2, 3, 4]) },
  { millicores: 1000, memoryMiB: gb(steps(2, 8, 1)) },
  { millicores: 2000, memoryMiB: gb(steps(4, 16, 1)) },
  { millicores: 4000, memoryMiB: gb(steps(8, 30, 1)) },
  { millicores: 8000, memoryMiB: gb(steps(16, 60, 4)) },
  { millicores: 16000, memoryMiB: gb(steps(32, 120, 8)) },
];

const OVERHEAD_MIB = 256n;

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += by) out.push(v);
  return out;
}

function gb(values: number[]): number[] {
  return values.map((v) => v * 1024);
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * A Kubernetes quantity ("250m", "1.5Gi", "1e9", "2G") times `unit`, rounded UP to a whole
 * number, exactly (BigInt). Kubernetes rounds up the same way (Quantity.Value / MilliValue).
 * Returns 0n for text that is not a quantity (the API server would have refused it).
 */
export function quantityTimes(text: string, unit: bigint): bigint {
  const m = /^\+?(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(text.trim());
  if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return 0n;
  const whole = m[1] ?? '';
  const fraction = m[2] ?? '';
  // value = digits * 10^tenPower * 2^twoPower * unit
  let digits = BigInt(`${whole}${fraction}` || '0') * unit;
  let tenPower = -fraction.length;
  let twoPower = 0;
  if (m[3] !== undefined) tenPower += Number(m[3].slice(1));
  else if (m[4] !== undefined && m[4] in BINARY) twoPower = BINARY[m[4]]!;
  else tenPower += DECIMAL[m[4] ?? '']!;
  digits *= 2n ** BigInt(twoPower);
  if (tenPower >= 0) return digits * 10n ** BigInt(tenPower);
  const divisor = 10n ** BigInt(-tenPower);
  return (digits + divisor - 1n) / divisor;
}

interface Need {
  millicores: bigint;
  bytes: bigint;
}

function containerNeed(c: Obj): Need {
  const requests = c.resources?.requests ?? {};
  return {
    millicores: requests.cpu === undefined ? 0n : quantityTimes(String(requests.cpu), 1000n),
    bytes: requests.memory === undefined ? 0n : quantityTimes(String(requests.memory), 1n),
  };
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** What the pod needs before rounding: max(largest init container, sum of long-running ones). */
export function podNeed(pod: Obj): Need {
  const init: Need = { millicores: 0n, bytes: 0n };
  const app: Need = { millicores: 0n, bytes: 0n };
  for (const c of pod.spec?.initContainers ?? []) {
    const n = containerNeed(c);
    if (c.restartPolicy === 'Always') {
      app.millicores += n.millicores;
      app.bytes += n.bytes;
    } else {
      init.millicores = bigMax(init.millicores, n.millicores);
      init.bytes = bigMax(init.bytes, n.bytes);
    }
  }
  for (const c of pod.spec?.containers ?? []) {
    const n = containerNeed(c);
    app.millicores += n.millicores;
    app.bytes += n.bytes;
  }
  return { millicores: bigMax(init.millicores, app.millicores), bytes: bigMax(init.bytes, app.bytes) };
}

/** "0.25vCPU 0.5GB", "2vCPU 9GB"; null when the pod needs more than 16 vCPU / 120 GB. */
export function capacityProvisioned(pod: Obj): string | null {
  const need = podNeed(pod);
  const bytes = need.bytes + OVERHEAD_MIB * 1024n * 1024n;
  for (const size of SIZES) {
    if (BigInt(size.millicores) < need.millicores) continue;
    const memory = size.memoryMiB.find((mib) => BigInt(mib) * 1024n * 1024n >= bytes);
    if (memory !== undefined) return `${size.millicores / 1000}vCPU ${memory / 1024}GB`;
  }
  return null;
}
