// The confirmation of a plan of any size: no spread of the steps into one call (Math.max(...steps)
// throws "Maximum call stack size exceeded" at about 130k pods).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RescheduleStep } from '../../../source/ui/tui-actions.js';
import { planDialog } from '../../../source/ui/state/reschedule-plan.js';

test('a plan of 130k pods makes its dialog', () => {
  const steps: RescheduleStep[] = Array.from({ length: 130_000 }, (_, i) => ({
    key: `ns/pod-${i}`,
    pod: { namespace: 'ns', name: `pod-${i}`, uid: `uid-${i}` },
    method: 'evict',
    owner: { kind: 'ReplicaSet', name: 'rs' },
    from: { runsOn: 'ec2', profile: null, node: 'ip-1' },
    to: { runsOn: 'fargate', profile: 'fp' },
    reason: 'EC2 -> Fargate (fp)',
    warnings: [],
    group: `ns/pod-${i}`,
  }));
  const dialog = planDialog(steps, { width: 100, maxLines: 20 });
  assert.equal(dialog.lines.length, 20);
  assert.match(dialog.lines.at(-1)!, /more/);
});
