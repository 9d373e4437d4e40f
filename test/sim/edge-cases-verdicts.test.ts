// The built tool's `--json` against the edge-cases sim: every pod gets the hand-written verdict
// of EDGE_CASES_EXPECTED. Rows marked `pending` wait for a rule the tool does not have yet; they
// run as to-do tests (reported, not failing) until that rule lands and the mark is removed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EDGE_CASES_EXPECTED, expectationIn, startSim } from '../../source/sim/index.js';
import type { ExpectedPods, RunningSim } from '../../source/sim/index.js';
import type { ReportDocument } from '../../source/report/document.js';
import { runCli, simEnv } from '../helpers/cli.js';

type ReportPod = ReportDocument['pods'][number];

describe('kubectl fargate --json against the edge-cases sim', () => {
  let sim: RunningSim;
  let pods: ReportPod[] = [];
  before(async () => {
    sim = await startSim({ scenario: 'edge-cases' });
    const { code, stdout, stderr } = await runCli(['--json'], simEnv(sim));
    assert.equal(code, 0, stderr);
    pods = (JSON.parse(stdout) as ReportDocument).pods;
  });
  after(() => sim.close());

  const rowOf = (p: ReportPod): ExpectedPods | undefined => expectationIn(EDGE_CASES_EXPECTED, { metadata: { namespace: p.namespace, name: p.name }, status: { phase: p.phase } });

  test('every pod in the report has one expectation row, with the expected count', () => {
    const counts = new Map<unknown, number>();
    for (const p of pods) {
      const row = rowOf(p);
      assert.ok(row, `no expectation covers ${p.namespace}/${p.name}`);
      counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    for (const row of EDGE_CASES_EXPECTED) assert.equal(counts.get(row) ?? 0, row.count, `${row.namespace}/${row.name}`);
  });

  for (const row of EDGE_CASES_EXPECTED) {
    const title = `${row.namespace}/${row.name}${row.prefix === true ? '*' : ''}: ${row.verdict}, expected profile ${row.expectedProfile ?? 'none'} (${row.why})`;
    test(title, row.pending === undefined ? {} : { todo: `waits for ${row.pending}` }, () => {
      const mine = pods.filter((p) => rowOf(p) === row);
      assert.equal(mine.length, row.count);
      for (const p of mine) {
        const where = `${p.namespace}/${p.name}`;
        assert.equal(p.runsOn, row.runsOn, `runsOn of ${where}`);
        assert.equal(p.currentProfile, row.currentProfile, `currentProfile of ${where}`);
        assert.equal(p.expectedProfile, row.expectedProfile, `expectedProfile of ${where}`);
        assert.equal(p.verdict, row.verdict, `verdict of ${where}; reasons: ${p.reasons.join(' | ')}`);
        assert.equal(p.needsReschedule, row.verdict === 'reschedule', `needsReschedule of ${where}`);
        assert.deepEqual(p.blockers.map((b) => b.code).sort(), [...(row.blockers ?? [])].sort(), `blockers of ${where}`);
      }
    });
  }
});
