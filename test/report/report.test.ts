import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { buildReport } from '../../source/report/document.js';
import { podTable } from '../../source/report/table.js';
import { checkFailed, checkFindings, checkPods, checkSummary, checkTable } from '../../source/report/check.js';
import { colorsEnabled } from '../../source/report/colors.js';
import { fixtureStore } from './fixture-store.js';
import { profile } from '../helpers/records.js';

const evaluate = (opts?: { profilesKnown?: boolean }) => ({ view: buildClusterView(fixtureStore(opts).flush()) });
const NO_PROPOSALS: ReadonlySet<string> = new Set();

describe('JSON document', () => {
  test('has the documented top-level shape and per-pod verdicts', () => {
    const { view } = evaluate();
    const doc = buildReport(view, { now: new Date(0) });
    assert.deepEqual(Object.keys(doc), ['apiVersion', 'kind', 'context', 'cluster', 'generatedAt', 'aws', 'profilesKnown', 'profiles', 'namespaces', 'pods', 'warnings', 'prices']);
    assert.deepEqual(doc.cluster, { name: 'demo', region: 'us-east-1', version: null });
    const byName = new Map(doc.pods.map((p) => [p.name, p]));
    assert.equal(byName.get('test')?.expectedProfile, 'fp-test');
    assert.equal(byName.get('test')?.needsReschedule, true);
    assert.equal(byName.get('web-1')?.currentProfile, 'fp-default');
    assert.equal(byName.get('web-1')?.owner, 'ReplicaSet/web-5d4f8');
    assert.equal(byName.get('priv')?.verdict, 'blocked');
    assert.equal(byName.get('priv')?.blockers[0]?.code, 'privileged');
    assert.equal(byName.get('old')?.expectedProfile, null);
    assert.deepEqual(doc.profiles[0]?.selectors, [{ namespace: 'default', labels: {} }]);
    const test = doc.namespaces.find((n) => n.name === 'test');
    assert.deepEqual(test, { name: 'test', pods: 1, onFargate: 0, needsReschedule: 1, profiles: ['fp-test'], outdated: 0, hourlyUsd: 0 });
  });

  test("namespaces list their profiles in EKS's order of choice, without DELETING or failed ones", () => {
    const store = fixtureStore();
    store.setLiveProfiles(
      [
        profile('fp-z', 'test'),
        profile('fp-test', 'test'),
        profile('fp-a-new', 'test', 'CREATING'),
        profile('fp-0-old', 'test', 'DELETING'),
        profile('fp-1-broken', 'test', 'DELETE_FAILED'),
      ],
      { state: 'ok', message: null, fetchedAt: 1, stale: false },
    );
    const doc = buildReport(buildClusterView(store.flush()));
    assert.deepEqual(doc.namespaces.find((n) => n.name === 'test')?.profiles, ['fp-test', 'fp-z', 'fp-a-new']);
    assert.equal(doc.profiles.length, 5, 'the profiles list itself keeps every profile with its status');
  });

  test('profile-derived fields are null (unknown) when EKS could not be read', () => {
    const { view } = evaluate({ profilesKnown: false });
    const doc = buildReport(view);
    assert.equal(doc.profilesKnown, false);
    assert.equal(doc.aws.state, 'access-denied');
    const test = doc.pods.find((p) => p.name === 'test')!;
    assert.equal(test.matchingProfiles, null);
    assert.equal(test.needsReschedule, null);
    assert.equal(test.verdict, 'unknown');
    // Observed placement still shows.
    const web = doc.pods.find((p) => p.name === 'web-1')!;
    assert.equal(web.runsOn, 'fargate');
    assert.equal(web.currentProfile, 'fp-default');
  });
});

describe('tables', () => {
  test('default columns, NAMESPACE dropped for one namespace, --no-headers', () => {
    const { view } = evaluate();
    const all = podTable(view.pods, { wide: false, headers: true, color: false, showNamespace: true, proposed: NO_PROPOSALS });
    assert.match(all.split('\n')[0]!, /^NAMESPACE\s+NAME\s+STATUS\s+NODE-TYPE\s+CURRENT\s+EXPECTED\s+VERDICT$/);
    assert.match(all, /test\s+test\s+Running\s+EC2\s+<none>\s+fp-test\s+reschedule/);
    const one = podTable(view.byNamespace.get('test')!, { wide: false, headers: false, color: false, showNamespace: false, proposed: NO_PROPOSALS });
    assert.match(one, /^test\s+Running\s+EC2\s+<none>\s+fp-test\s+reschedule\n$/);
  });

  test('wide adds node, kubelet, owner, size, price and reason', () => {
    const { view } = evaluate();
    const wide = podTable(view.pods, { wide: true, headers: true, color: false, showNamespace: true, proposed: NO_PROPOSALS });
    assert.match(wide.split('\n')[0]!, /NODE\s+KUBELET\s+OWNER\s+SIZE\s+USD\/H\s+REASON$/);
    assert.match(wide, /ReplicaSet\/web-5d4f8\s+0\.25vCPU 0\.5GB\s+0\.0123/);
  });

  test('unknown profiles print ? as the expected profile', () => {
    const { view } = evaluate({ profilesKnown: false });
    assert.match(podTable(view.pods, { wide: false, headers: false, color: false, showNamespace: true, proposed: NO_PROPOSALS }), /test\s+test\s+Running\s+EC2\s+<none>\s+\?\s+unknown/);
  });

  test('colours only when enabled, and as the TUI theme has them (reschedule bold yellow, unknown dim grey)', () => {
    const { view } = evaluate();
    const coloured = podTable(view.pods, { wide: false, headers: true, color: true, showNamespace: true, proposed: NO_PROPOSALS });
    assert.ok(coloured.includes('\u001B[33;1mreschedule'), coloured);
    assert.ok(coloured.includes('\u001B[31;1mblocked'), coloured);
    assert.ok(!podTable(view.pods, { wide: false, headers: true, color: false, showNamespace: true, proposed: NO_PROPOSALS }).includes('\u001B['));
    const unknown = evaluate({ profilesKnown: false }).view;
    assert.ok(podTable(unknown.pods, { wide: false, headers: false, color: true, showNamespace: true, proposed: NO_PROPOSALS }).includes('\u001B[90;2munknown'));
  });
});

describe('colorsEnabled', () => {
  const cases = [
    { rule: 'auto on a terminal', mode: 'auto', tty: true, env: {}, on: true },
    { rule: 'auto when piped', mode: 'auto', tty: false, env: {}, on: false },
    { rule: 'NO_COLOR wins over auto', mode: 'auto', tty: true, env: { NO_COLOR: '1' }, on: false },
    { rule: 'always forces', mode: 'always', tty: false, env: { NO_COLOR: '1' }, on: true },
    { rule: 'never', mode: 'never', tty: true, env: {}, on: false },
  ] as const;
  for (const c of cases) test(c.rule, () => assert.equal(colorsEnabled(c.mode, c.tty, c.env), c.on));
});

describe('check', () => {
  test('lists pods needing reschedule and blocked ones, and fails', () => {
    const { view } = evaluate();
    const result = checkPods(view);
    assert.deepEqual(result.reschedule.map((v) => v.pod.name), ['test']);
    assert.deepEqual(result.blocked.map((v) => v.pod.name), ['priv']);
    assert.equal(checkFailed(result), true);
    const table = checkTable(checkFindings(result), { headers: true, color: false, proposed: NO_PROPOSALS });
    assert.match(table, /default\s+priv\s+blocked/);
    assert.match(table, /test\s+test\s+reschedule/);
    assert.equal(checkSummary(result, view.pods.length), '1 pod needs rescheduling, 1 pod is blocked from Fargate');
  });

  test('passes when everything runs where the profiles say', () => {
    const store = fixtureStore();
    store.remove('pods', 'test/test');
    store.remove('pods', 'default/priv');
    const view = buildClusterView(store.flush());
    const result = checkPods(view);
    assert.equal(checkFailed(result), false);
    assert.match(checkSummary(result, view.pods.length), /^ok: all 2 pods run/);
  });
});
