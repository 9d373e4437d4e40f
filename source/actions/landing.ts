// Where a rescheduled pod landed, compared with where the profiles said it would go (and, when it
// was recycled for the upgrade, with the control plane's kubelet minor). Pure.
import { isBehind, parseKubeVersion } from '../domain/versions.js';
import type { Landed, RescheduleStep } from './types.js';

export interface LandingVerdict {
  /** It runs where the plan said (Fargate under the expected profile, or EC2). */
  asExpected: boolean;
  /** "now on Fargate under fp-test", "still on EC2: ...". */
  text: string;
}

export function judgeLanding(step: Pick<RescheduleStep, 'from' | 'to' | 'upgrade'>, landed: Landed, unschedulable: string | null = null): LandingVerdict {
  const placed = judgePlacement(step, landed, unschedulable);
  if (step.upgrade === undefined || landed.runsOn !== 'fargate') return placed;
  // Recycled for the upgrade: its new Fargate node must run the control plane's minor.
  const kubelet = parseKubeVersion(landed.kubeletVersion);
  const controlPlane = parseKubeVersion(step.upgrade.controlPlane);
  if (kubelet === null || controlPlane === null) return { ...placed, text: `${placed.text} (its node's kubelet could not be read)` };
  if (isBehind(kubelet, controlPlane)) {
    return { asExpected: false, text: `${placed.text}, but its node runs kubelet ${landed.kubeletVersion}, older than the control plane (${step.upgrade.controlPlane}): it still blocks the upgrade` };
  }
  return { ...placed, text: `${placed.text} (kubelet ${kubelet.text})` };
}

function judgePlacement(step: Pick<RescheduleStep, 'from' | 'to'>, landed: Landed, unschedulable: string | null): LandingVerdict {
  const expected = step.to;
  if (landed.runsOn === 'pending') {
    const why = unschedulable ?? 'not scheduled yet';
    return { asExpected: false, text: `not running: Pending (${why})` };
  }
  if (landed.runsOn === 'fargate') {
    const under = landed.profile === null ? 'on Fargate' : `on Fargate under ${landed.profile}`;
    if (expected.runsOn === 'fargate' && (expected.profile === null || expected.profile === landed.profile)) return { asExpected: true, text: `now ${under}` };
    if (expected.runsOn === 'fargate') return { asExpected: false, text: `now ${under}, not under ${expected.profile} as expected` };
    return { asExpected: false, text: `still ${under}, although no profile should select it` };
  }
  const node = landed.node === null ? '' : ` (node ${landed.node})`;
  if (expected.runsOn === 'ec2') return { asExpected: true, text: `now on EC2${node}` };
  const still = step.from.runsOn === 'ec2' ? 'still on EC2' : 'now on EC2';
  return {
    asExpected: false,
    text: `${still}${node}: EKS did not admit it to Fargate (expected profile ${expected.profile}); check that the profile is ACTIVE and selects its namespace and labels`,
  };
}
