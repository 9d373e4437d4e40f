// Retries in the reschedule steps (lib/retry.ts with one notion of "transient", errors.ts):
// evictions go on through a passing API failure and, until the budget wait ends, through a
// PodDisruptionBudget's refusal; Ctrl-C ends that wait with nothing more sent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planReschedule } from '../../source/actions/plan.js';
import { reschedule } from '../../source/actions/reschedule.js';
import { pdb } from '../../source/sim/scenarios/manifests.js';
import { rescheduleOptionsFor, viewsOf } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';

const s = actionSimForFile({ timing: { graceMsPerSecond: 20, maxGraceMs: 400 } });

const options = rescheduleOptionsFor(s, { backupPrefix: 'kf-retry-', timeoutMs: 15_000, pdbWaitMs: 5000 });

describe('eviction retries', () => {
  test('an eviction the API server fails once (503) is sent again: the pod is evicted and replaced', async () => {
    const [target] = await viewsOf(s, 'kube-system', 'coredns-*');
    s.sim.faults.failNext({ method: 'POST', path: new RegExp(`/pods/${target!.pod.name}/eviction`), status: 503, count: 1 });
    const messages: string[] = [];
    const [result] = await reschedule(s.kc, planReschedule([target!]), options({ onEvent: (e) => messages.push(e.message) }));
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.ok(messages.some((m) => /^the eviction failed \(.*503.*\); retrying for up to 5s$/.test(m)), messages.join('\n'));
    const old = s.sim.cluster.getPod('kube-system', target!.pod.name);
    assert.ok(old === undefined || old.metadata.deletionTimestamp, 'the old pod is gone or going');
  });

  test('an eviction that keeps failing (500) is reported failed once the wait is over, the pod left running', async () => {
    const [target] = await viewsOf(s, 'apps', 'api-*');
    s.sim.faults.failNext({ method: 'POST', path: new RegExp(`/pods/${target!.pod.name}/eviction`), status: 500, count: Infinity });
    const [result] = await reschedule(s.kc, planReschedule([target!]), options({ pdbWaitMs: 1500 }));
    assert.equal(result!.outcome, 'failed');
    assert.match(result!.message, /^the eviction failed: .*500.*; the pod was left running$/);
    assert.equal(s.sim.cluster.getPod('apps', target!.pod.name)?.metadata.uid, target!.pod.uid);
  });

  test('Ctrl-C while a budget refuses: no eviction follows, even if the budget allows it at once', async () => {
    s.sim.cluster.apply(pdb('apps', 'hold', { app: 'api' }, { minAvailable: 2 }));
    const [target] = await viewsOf(s, 'apps', 'api-*');
    const abort = new AbortController();
    const [result] = await reschedule(
      s.kc,
      planReschedule([target!]),
      options({
        signal: abort.signal,
        onEvent: (e) => {
          if (!/retrying for up to/.test(e.message)) return;
          // The user presses Ctrl-C, and in the same moment the budget would allow it.
          s.sim.cluster.delete('poddisruptionbudgets.policy', 'apps', 'hold');
          abort.abort();
        },
      }),
    );
    assert.equal(result!.outcome, 'blocked', result!.message);
    const still = s.sim.cluster.getPod('apps', target!.pod.name);
    assert.equal(still?.metadata.uid, target!.pod.uid, 'the same pod runs');
    assert.equal(still?.metadata.deletionTimestamp, undefined, 'and is not being deleted');
  });
});
