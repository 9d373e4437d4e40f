import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FARGATE_PRICES } from '../../source/domain/fargate-prices.js';
import { fargateSize, parseCapacityProvisioned, podRequirement } from '../../source/domain/sizing.js';
import type { ContainerRecord } from '../../source/domain/types.js';
import { container, pod } from '../helpers/records.js';

const req = (cpu?: string, memory?: string, o: Partial<ContainerRecord> = {}): ContainerRecord =>
  container({ requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) }, ...o });
const lim = (cpu?: string, memory?: string): ContainerRecord =>
  container({ limits: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } });

const cases: { rule: string; containers?: ContainerRecord[]; init?: ContainerRecord[]; want: string | null }[] = [
  { rule: 'nothing requested: smallest size 0.25 vCPU / 0.5 GB', containers: [container()], want: '0.25vCPU 0.5GB' },
  { rule: 'doc example: 1 vCPU + 8 GB -> +256Mi -> 2 vCPU / 9 GB', containers: [req('1', '8Gi')], want: '2vCPU 9GB' },
  { rule: 'memory gets +256Mi before rounding (0.25 CPU + 1.9Gi -> 0.5 / 3)', containers: [req('250m', '1.9Gi')], want: '0.5vCPU 3GB' },
  { rule: 'memory gets +256Mi before rounding (4 CPU + 30Gi -> 8 / 32)', containers: [req('4', '30Gi')], want: '8vCPU 32GB' },
  { rule: 'decimal memory units (0.5 CPU + 750M -> 0.5vCPU 1GB)', containers: [req('0.5', '750M')], want: '0.5vCPU 1GB' },
  { rule: 'smallest memory option of the cpu tier (2 CPU / 2Gi -> 2vCPU 4GB)', containers: [req('2', '2Gi')], want: '2vCPU 4GB' },
  { rule: 'GB behaves as GiB: 256Mi + 256Mi fits 0.5 GB exactly', containers: [req(undefined, '256Mi')], want: '0.25vCPU 0.5GB' },
  { rule: 'round up cpu to the next tier', containers: [req('300m')], want: '0.5vCPU 1GB' },
  { rule: 'smallest vCPU tier >= cpu having a memory option >= mem', containers: [req('250m', '3Gi')], want: '0.5vCPU 4GB' },
  { rule: 'app containers are summed', containers: [req('500m', '1Gi'), req('600m', '1Gi')], want: '2vCPU 4GB' },
  { rule: 'init containers: the largest counts, not the sum', containers: [req('250m', '256Mi')], init: [req('1', '1Gi'), req('1', '1Gi')], want: '1vCPU 2GB' },
  { rule: 'pod = max(init, app) per resource', containers: [req('2', '256Mi')], init: [req('250m', '5Gi')], want: '2vCPU 6GB' },
  { rule: 'native sidecars (init, restartPolicy Always) are added to the app sum', containers: [req('500m')], init: [req('500m', undefined, { restartPolicy: 'Always' })], want: '1vCPU 2GB' },
  { rule: 'limits stand in for absent requests (Kubernetes defaults requests to limits)', containers: [lim('2', '2Gi')], want: '2vCPU 4GB' },
  { rule: 'a request wins over a larger limit', containers: [container({ requests: { cpu: '250m' }, limits: { cpu: '4' } })], want: '0.25vCPU 0.5GB' },
  { rule: '8 vCPU tier steps by 4 GB', containers: [req('5', '33Gi')], want: '8vCPU 36GB' },
  { rule: 'largest size is 16 vCPU / 120 GB', containers: [req('16', '119Gi')], want: '16vCPU 120GB' },
  { rule: 'beyond 16 vCPU: no Fargate size', containers: [req('17')], want: null },
  { rule: 'beyond 120 GB (with overhead): no Fargate size', containers: [req('1', '120Gi')], want: null },
];

describe('fargateSize', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const s = fargateSize(pod({ containers: c.containers ?? [], initContainers: c.init ?? [] }));
      assert.equal(s?.label ?? null, c.want);
    });
  }

  test('hourly price at us-east-1 rates = vcpu * 0.04048 + GB * 0.004445', () => {
    const s = fargateSize(pod(), undefined, FARGATE_PRICES['us-east-1']!);
    assert.equal(s?.hourlyUsd, 0.012343); // 0.25 * 0.04048 + 0.5 * 0.004445
  });

  test('without rates the size is known and its price is not (never another region\'s figures)', () => {
    const s = fargateSize(pod());
    assert.equal(s?.label, '0.25vCPU 0.5GB');
    assert.equal(s?.hourlyUsd, null);
  });

  test('provisioned is the CapacityProvisioned annotation', () => {
    assert.equal(fargateSize(pod({ capacityProvisioned: '1vCPU 2GB' }))?.provisioned, '1vCPU 2GB');
    assert.equal(fargateSize(pod())?.provisioned, null);
  });

  test('numeric fields', () => {
    const s = fargateSize(pod({ containers: [req('1', '8Gi')] }));
    assert.equal(s?.vcpu, 2);
    assert.equal(s?.memoryGb, 9);
  });

  test('requirement exposes the 256Mi overhead', () => {
    const r = podRequirement(pod({ containers: [req('250m', '1Gi')] }));
    assert.equal(r.cpuMillis, 250);
    assert.equal(r.memoryWithOverheadBytes - r.memoryBytes, 256 * 2 ** 20);
  });
});

describe('parseCapacityProvisioned', () => {
  const pc: { rule: string; text: string | null; want: { vcpu: number; memoryGb: number } | null }[] = [
    { rule: 'annotation form with fractions', text: '0.25vCPU 0.5GB', want: { vcpu: 0.25, memoryGb: 0.5 } },
    { rule: 'annotation form with integers', text: '2vCPU 9GB', want: { vcpu: 2, memoryGb: 9 } },
    { rule: 'absent annotation', text: null, want: null },
    { rule: 'garbage', text: '2 cores', want: null },
  ];
  for (const c of pc) test(c.rule, () => assert.deepEqual(parseCapacityProvisioned(c.text), c.want));
});
