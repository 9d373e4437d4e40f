// The sim's own EKS rules against the documentation's examples (spec §1.2, §1.3, §4.1), so the
// sim and the tool cannot both be wrong the same way unnoticed by the differential test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Selector } from '../../source/domain/types.js';
import { capacityProvisioned, quantityTimes } from '../../source/sim/eks/capacity.js';
import { pickProfile, wildcardMatch } from '../../source/sim/eks/match.js';
import type { SimProfile } from '../../source/sim/eks/profiles.js';

describe('sim: wildcard match (UG-profile "Fargate profile wildcards")', () => {
  const cases: { rule: string; pattern: string; value: string; want: boolean }[] = [
    { rule: '* matches zero characters', pattern: 'prod*', value: 'prod', want: true },
    { rule: '* matches many characters', pattern: 'prod*', value: 'prod-metrics', want: true },
    { rule: '? matches exactly one character', pattern: 'value?', value: 'valuea', want: true },
    { rule: '? does not match zero characters', pattern: 'value?', value: 'value', want: false },
    { rule: '? does not match two characters', pattern: 'value?', value: 'value-a', want: false },
    { rule: 'wildcards anywhere', pattern: '*dev', value: 'team-dev', want: true },
    { rule: '* and ? combine', pattern: 'frontend*?', value: 'frontend', want: false },
    { rule: '* and ? combine', pattern: 'frontend*?', value: 'frontend1', want: true },
    { rule: 'a literal matches the whole name only', pattern: 'prod', value: 'production', want: false },
    { rule: 'a literal matches the whole name only', pattern: 'prod', value: 'preprod', want: false },
    { rule: 'case-sensitive', pattern: 'Web', value: 'web', want: false },
    { rule: 'no other glob syntax: brackets are literal', pattern: '[ab]', value: 'a', want: false },
    { rule: 'no other glob syntax: brackets are literal', pattern: '[ab]', value: '[ab]', want: true },
    { rule: 'no regex: a dot is literal', pattern: 'a.c', value: 'abc', want: false },
    { rule: 'backtracking over several stars', pattern: 'a*a*b', value: 'aaaaaaaaaab', want: true },
    { rule: 'backtracking over several stars', pattern: 'a*a*a*b', value: 'aaaaaaaaaaaaaaaaaaaa', want: false },
  ];
  for (const c of cases) {
    test(`${c.rule}: ${c.pattern} vs ${c.value}`, () => assert.equal(wildcardMatch(c.pattern, c.value), c.want));
  }
});

describe('sim: which profile the webhook picks (UG-profile)', () => {
  const p = (name: string, selectors: Selector[], status: SimProfile['status'] = 'ACTIVE') => ({ name, status, selectors });
  const cases: { rule: string; profiles: ReturnType<typeof p>[]; ns: string; labels?: Record<string, string>; want: string | null }[] = [
    { rule: 'selectors are ORed', profiles: [p('fp', [{ namespace: 'a' }, { namespace: 'b' }])], ns: 'b', want: 'fp' },
    { rule: 'labels within a selector are ANDed', profiles: [p('fp', [{ namespace: 'a', labels: { x: '1', y: '2' } }])], ns: 'a', labels: { x: '1' }, want: null },
    { rule: 'extra pod labels do not matter', profiles: [p('fp', [{ namespace: 'a', labels: { x: '1' } }])], ns: 'a', labels: { x: '1', z: '3' }, want: 'fp' },
    { rule: 'console example key?: value?', profiles: [p('fp', [{ namespace: 'a', labels: { 'key?': 'value?' } }])], ns: 'a', labels: { keyb: 'valueb' }, want: 'fp' },
    { rule: 'a wildcard key must find a pod label with a matching value', profiles: [p('fp', [{ namespace: 'a', labels: { 'k*': 'v' } }])], ns: 'a', labels: { ka: 'x', kb: 'v' }, want: 'fp' },
    { rule: 'only ACTIVE profiles count', profiles: [p('fp', [{ namespace: 'a' }], 'CREATING')], ns: 'a', want: null },
    { rule: 'the alphabetically first name wins (beta-workload beats prod-workload)', profiles: [p('prod-workload', [{ namespace: 'a' }]), p('beta-workload', [{ namespace: 'a' }])], ns: 'a', want: 'beta-workload' },
    { rule: 'names sort by bytes: upper case before lower case', profiles: [p('fp-a', [{ namespace: 'a' }]), p('fp-B', [{ namespace: 'a' }])], ns: 'a', want: 'fp-B' },
    { rule: 'the pin label picks among matching profiles', profiles: [p('fp-a', [{ namespace: 'a' }]), p('fp-b', [{ namespace: 'a' }])], ns: 'a', labels: { 'eks.amazonaws.com/fargate-profile': 'fp-b' }, want: 'fp-b' },
    { rule: 'a pinned profile must still select the pod', profiles: [p('fp-a', [{ namespace: 'a' }]), p('fp-b', [{ namespace: 'b' }])], ns: 'a', labels: { 'eks.amazonaws.com/fargate-profile': 'fp-b' }, want: null },
  ];
  for (const c of cases) {
    test(c.rule, () => assert.equal(pickProfile({ namespace: c.ns, labels: c.labels ?? {} }, c.profiles), c.want));
  }
});

describe('sim: CapacityProvisioned (UG-podcfg, spec §4.1 worked examples)', () => {
  const pod = (containers: Record<string, string>[], init: Record<string, string>[] = []) => ({
    spec: {
      containers: containers.map((r, i) => ({ name: `c${i}`, resources: { requests: r } })),
      initContainers: init.map((r, i) => ({ name: `i${i}`, resources: { requests: r }, ...(r.sidecar === 'yes' ? { restartPolicy: 'Always' } : {}) })),
    },
  });
  const cases: { rule: string; pod: ReturnType<typeof pod>; want: string | null }[] = [
    { rule: 'nothing requested: the smallest size', pod: pod([{}]), want: '0.25vCPU 0.5GB' },
    { rule: '1 vCPU + 8 GB + 256 MB has no 1-vCPU size: 2 vCPU / 9 GB (doc example)', pod: pod([{ cpu: '1', memory: '8Gi' }]), want: '2vCPU 9GB' },
    { rule: 'memory rounds up within the tier', pod: pod([{ cpu: '250m', memory: '1946Mi' }]), want: '0.5vCPU 3GB' },
    { rule: '4 vCPU + 30 GB + 256 MB needs the 8 vCPU tier', pod: pod([{ cpu: '4', memory: '30Gi' }]), want: '8vCPU 32GB' },
    { rule: '0.5 vCPU / 750M', pod: pod([{ cpu: '0.5', memory: '750M' }]), want: '0.5vCPU 1GB' },
    { rule: '2 CPU / 2 Gi', pod: pod([{ cpu: '2', memory: '2Gi' }]), want: '2vCPU 4GB' },
    { rule: 'app containers are summed', pod: pod([{ cpu: '300m' }, { cpu: '300m' }]), want: '1vCPU 2GB' },
    { rule: 'init containers count by the largest, not the sum', pod: pod([{ cpu: '100m' }], [{ cpu: '400m' }, { cpu: '400m' }]), want: '0.5vCPU 1GB' },
    { rule: 'a native sidecar keeps running: counted with the app', pod: pod([{ cpu: '400m' }], [{ cpu: '400m', sidecar: 'yes' }]), want: '1vCPU 2GB' },
    { rule: 'the pod needs max(init, app)', pod: pod([{ memory: '100Mi' }], [{ memory: '3Gi' }]), want: '0.5vCPU 4GB' },
    { rule: 'beyond 16 vCPU there is no size', pod: pod([{ cpu: '16001m' }]), want: null },
    { rule: 'beyond 120 GB there is no size', pod: pod([{ memory: '120Gi' }]), want: null },
  ];
  for (const c of cases) {
    test(c.rule, () => assert.equal(capacityProvisioned(c.pod), c.want));
  }

  test('quantities are exact and round up like Kubernetes', () => {
    assert.equal(quantityTimes('250m', 1000n), 250n);
    assert.equal(quantityTimes('0.3', 1000n), 300n);
    assert.equal(quantityTimes('0.0001', 1000n), 1n);
    assert.equal(quantityTimes('1.5Gi', 1n), 1610612736n);
    assert.equal(quantityTimes('0.3Gi', 1n), 322122548n);
    assert.equal(quantityTimes('1e9', 1n), 1000000000n);
    assert.equal(quantityTimes('1E', 1n), 10n ** 18n);
    assert.equal(quantityTimes('2048Ki', 1n), 2097152n);
    assert.equal(quantityTimes('nonsense', 1n), 0n);
  });
});
