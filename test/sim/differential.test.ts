// The simulator and the tool, written separately from the same EKS documentation, must agree on
// generated cases: which profile EKS's webhook admits a new pod under (sim) vs the profile the
// tool expects for it (domain), and the Fargate size (sim's CapacityProvisioned vs the tool's
// prediction). Names come from tiny alphabets so collisions, prefixes, `*`/`?` patterns and
// case differences are frequent. A disagreement fails with the shrunk (smallest) case.
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { placePod } from '../../source/domain/placement.js';
import { fargateSize } from '../../source/domain/sizing.js';
import type { Profile, ProfileStatus, Selector } from '../../source/domain/types.js';
import { PROFILE_LABEL } from '../../source/domain/types.js';
import { capacityProvisioned } from '../../source/sim/eks/capacity.js';
import { admissionProfile } from '../../source/sim/eks/webhook.js';
import { defaultPod } from '../../source/sim/kube/defaults.js';
import { seededRandom } from '../../source/sim/ids.js';
import { toPodRecord } from '../../source/sources/kube/pod-projection.js';

// Bounded so the file runs in a few seconds; fast-check prints its seed to replay a failure.
const RUNS = 1500;

// Tiny alphabets: a random namespace often equals, prefixes or differs only in case from a pattern.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A'), minLength: 1, maxLength: 2 });
const valueWord = fc.string({ unit: fc.constantFrom('a', 'b', 'A'), minLength: 0, maxLength: 2 });

/** A pattern often close to a word: itself, with `*` or `?` spliced in, upper-cased, `*`, or random. */
const patternLike = (w: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    w,
    fc.tuple(w, fc.nat(), fc.constantFrom('*', '?')).map(([s, i, wild]) => {
      const at = i % (s.length + 1);
      return s.slice(0, at) + wild + s.slice(wild === '?' ? at + 1 : at);
    }),
    w.map((s) => s.toUpperCase()),
    fc.constant('*'),
    fc.string({ unit: fc.constantFrom('a', 'b', 'A', '*', '?'), minLength: 1, maxLength: 4 }),
  );

const STATUSES: ProfileStatus[] = ['ACTIVE', 'CREATING', 'DELETING', 'CREATE_FAILED', 'DELETE_FAILED'];

const selector: fc.Arbitrary<Selector> = fc.record(
  {
    namespace: patternLike(word),
    labels: fc.dictionary(patternLike(word), patternLike(valueWord), { maxKeys: 5 }),
  },
  { requiredKeys: ['namespace'] },
);

// Names that sort differently by bytes and by locale: upper case, `_`, `-`, digits.
const PROFILE_NAMES = ['fp-a', 'fp-A', 'fp_a', 'fp-1', 'fp', 'B', 'a', '1'];

interface GeneratedProfile {
  name: string;
  status: ProfileStatus;
  selectors: Selector[];
}

const profiles: fc.Arbitrary<GeneratedProfile[]> = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...PROFILE_NAMES),
    status: fc.oneof({ weight: 3, arbitrary: fc.constant<ProfileStatus>('ACTIVE') }, { weight: 2, arbitrary: fc.constantFrom(...STATUSES) }),
    selectors: fc.array(selector, { minLength: 1, maxLength: 5 }),
  }),
  { selector: (p) => p.name, minLength: 0, maxLength: 6 },
);

/** Absent three times out of four. */
const sometimes = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

interface GeneratedPod {
  namespace: string;
  labels: Record<string, string>;
  /** The profile label as the user wrote it (a pin), naming a generated profile or not. */
  pin: string | undefined;
  computeType: string | undefined;
}

const pod: fc.Arbitrary<GeneratedPod> = fc.record({
  namespace: word,
  labels: fc.dictionary(word, valueWord, { maxKeys: 4 }),
  pin: sometimes(fc.constantFrom(...PROFILE_NAMES, 'fp-missing', '')),
  computeType: sometimes(fc.constantFrom('ec2', 'fargate', 'EC2')),
});

const cases = fc.record({ profiles, pod });

function podManifest(p: GeneratedPod): Record<string, unknown> {
  const labels = p.pin === undefined ? { ...p.labels } : { ...p.labels, [PROFILE_LABEL]: p.pin };
  const metadata: Record<string, unknown> = { name: 'p', namespace: p.namespace, labels };
  if (p.computeType !== undefined) metadata.annotations = { 'eks.amazonaws.com/compute-type': p.computeType };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
}

function domainProfile(p: GeneratedProfile): Profile {
  return { name: p.name, status: p.status, selectors: p.selectors, subnets: [], podExecutionRoleArn: null, source: 'eks' };
}

describe('sim vs tool on generated cases (differential)', () => {
  test("the sim webhook's profile equals the tool's expectedProfile for a pod created now", () => {
    fc.assert(
      fc.property(cases, ({ profiles: ps, pod }) => {
        const manifest = podManifest(pod);
        const sim = admissionProfile(manifest, ps);
        const tool = placePod(toPodRecord(manifest), { profiles: ps.map(domainProfile), profilesKnown: true, nodes: new Map() }).expectedProfile;
        if (sim !== tool) {
          throw new Error(`sim admits under ${JSON.stringify(sim)}, tool expects ${JSON.stringify(tool)}\n  pod: ${JSON.stringify(pod)}\n  profiles: ${JSON.stringify(ps)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  // Requests near the edges of the size table are where rounding goes wrong: a tier's vCPU
  // give or take a millicore, a memory option less the 256 MiB overhead give or take a MiB.
  const TIERS_M = [250, 500, 1000, 2000, 4000, 8000, 16000];
  const OPTIONS_GIB = [0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 20, 30, 31, 32, 56, 60, 64, 112, 120, 121];
  const cpu = fc.oneof(
    fc.integer({ min: 0, max: 18_000 }).map((m) => `${m}m`),
    fc.tuple(fc.constantFrom(...TIERS_M), fc.integer({ min: -1, max: 1 })).map(([m, d]) => `${m + d}m`),
    fc.constantFrom('0.25', '0.5', '1', '1.5', '2', '4', '8', '16', '0.1', '3', '0.0001'),
  );
  const memory = fc.oneof(
    fc.integer({ min: 0, max: 130 * 1024 }).map((mi) => `${mi}Mi`),
    fc.tuple(fc.constantFrom(...OPTIONS_GIB), fc.integer({ min: -1, max: 1 })).map(([gib, d]) => `${gib * 1024 - 256 + d}Mi`),
    fc.integer({ min: 0, max: 130 }).map((gi) => `${gi}Gi`),
    fc.constantFrom('750M', '1G', '1e9', '2048Ki', '0.5Gi', '1.75Gi', '256Mi', '0.3Gi', '7.75Gi', '8053063680'),
  );
  const resources = fc.record(
    { requests: fc.record({ cpu, memory }, { requiredKeys: [] }), limits: fc.record({ cpu, memory }, { requiredKeys: [] }) },
    { requiredKeys: [] },
  );
  const podSpec = fc.record({
    containers: fc.array(resources, { minLength: 1, maxLength: 3 }).map((rs) => rs.map((r, i) => ({ name: `c${i}`, image: 'nginx:1.27', resources: r }))),
    // Some init containers are native sidecars (restartPolicy Always).
    initContainers: fc
      .array(fc.tuple(fc.boolean(), resources), { maxLength: 3 })
      .map((list) => list.map(([sidecar, r], i) => ({ name: `i${i}`, image: 'nginx:1.27', resources: r, ...(sidecar ? { restartPolicy: 'Always' } : {}) }))),
  });

  test("the sim's CapacityProvisioned equals the tool's predicted size", () => {
    const rand = seededRandom(1);
    fc.assert(
      fc.property(podSpec, (spec) => {
        const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: structuredClone(spec) };
        // Fargate sees the pod as the API server stored it (requests defaulted from limits).
        defaultPod(manifest, rand);
        const sim = capacityProvisioned(manifest);
        const tool = fargateSize(toPodRecord(manifest))?.label ?? null;
        if (sim !== tool) throw new Error(`sim provisions ${JSON.stringify(sim)}, tool predicts ${JSON.stringify(tool)}\n  spec: ${JSON.stringify(spec)}`);
      }),
      { numRuns: RUNS },
    );
  });
});
