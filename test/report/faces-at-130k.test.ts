// 130k pods through the view-model and every one-shot formatter: json, yaml, tables, wide, check,
// and the several-cluster document and table. What fails here is a stack overflow (a huge array
// spread into one call, recursion per row) or a step quadratic in the pods (which would not end
// within the test's timeout, a guard against a hang, not a speed measure: speed is in npm run bench).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterView, type ClusterView } from '../../source/view-model/cluster-view.js';
import { buildReport } from '../../source/report/document.js';
import { jsonPieces } from '../../source/report/json-pieces.js';
import { yamlPieces } from '../../source/report/yaml-pieces.js';
import { podTable } from '../../source/report/table.js';
import { CHECK_COLUMNS, checkFindings, checkPods, checkTable } from '../../source/report/check.js';
import { contextTable, multiClusterJsonPieces, multiClusterYamlPieces } from '../../source/report/multi-cluster.js';
import { sceneStoreWithPods } from '../helpers/scene.js';

const PODS = 130_000;
const HANG_GUARD = { timeout: 300_000 };

/** How often `needle` occurs in the pieces, without joining them into one string. */
async function count(pieces: Iterable<string> | AsyncIterable<string>, needle: string): Promise<{ found: number; pieces: number; biggest: number }> {
  let found = 0;
  let n = 0;
  let biggest = 0;
  for await (const piece of pieces) {
    n++;
    biggest = Math.max(biggest, piece.length);
    for (let at = piece.indexOf(needle); at !== -1; at = piece.indexOf(needle, at + needle.length)) found++;
  }
  return { found, pieces: n, biggest };
}

const lineCount = (text: string): number => {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
};

describe(`${PODS} pods through every face`, HANG_GUARD, () => {
  let view: ClusterView;
  before(() => {
    view = buildClusterView(sceneStoreWithPods(PODS).flush());
  });

  test('the view-model holds every pod', () => {
    assert.ok(view.pods.length >= PODS);
    assert.equal(view.namespaces.reduce((sum, n) => sum + n.pods, 0), view.pods.length);
  });

  test('--json: every pod, in pieces of a bounded size', async () => {
    const { found, biggest } = await count(jsonPieces(buildReport(view), 'pods'), '"verdict": ');
    assert.equal(found, view.pods.length);
    assert.ok(biggest < 1_000_000, `a piece of ${biggest} characters`);
  });

  test('-o yaml: pieces of a bounded size; the first comes before the whole document is made', () => {
    // The yaml library takes ~0.4 ms a pod: all 130k would be a minute of this test. Pieces are
    // made one at a time, so taking the first few shows no step over all the pods comes first.
    const pieces = yamlPieces(buildReport(view), 'pods');
    const first = [pieces.next(), pieces.next(), pieces.next()];
    assert.ok(first.every((step) => !step.done));
    assert.equal((first[1]!.value as string).match(/^ {2}- namespace: /gm)?.length, 200);
  });

  test('tables: plain, and wide with colours', () => {
    const plain = podTable(view.pods, { wide: false, headers: true, color: false, showNamespace: true, proposed: view.proposed });
    assert.equal(lineCount(plain), view.pods.length + 1);
    const wide = podTable(view.pods, { wide: true, headers: true, color: true, showNamespace: true, proposed: view.proposed });
    assert.equal(lineCount(wide), view.pods.length + 1);
  });

  test('check: the table and the document of findings', async () => {
    const result = checkPods(view);
    const findings = checkFindings(result);
    assert.ok(findings.length > PODS / 4, `${findings.length} findings`);
    assert.equal(lineCount(checkTable(findings, { headers: true, color: false, proposed: view.proposed })), findings.length + 1);
    const { found } = await count(jsonPieces(buildReport(view, { kind: 'FargateCheck', pods: findings }), 'pods'), '"verdict": ');
    assert.equal(found, findings.length);
  });

  test('several clusters: the CONTEXT table, and the JSON with a failed cluster before a 130k-pod one', async () => {
    const rows = view.pods.map((pod) => ({ context: 'prod-a', view: pod }));
    const table = contextTable(rows, CHECK_COLUMNS, { headers: true, color: false, proposed: view.proposed });
    assert.equal(lineCount(table), rows.length + 1);
    const head = { apiVersion: 'kubectl-fargate/v1', kind: 'FargatePlacementReportList', generatedAt: '' } as const;
    const doc = buildReport(view);
    const { found, biggest } = await count(multiClusterJsonPieces(head, [{ context: 'b', error: 'refused' }, doc]), '"verdict": ');
    assert.equal(found, view.pods.length);
    assert.ok(biggest < 1_500_000, `a piece of ${biggest} characters`);
    // YAML: the first pieces only (see -o yaml above).
    const yaml = multiClusterYamlPieces(head, [doc]);
    assert.ok(!(await yaml.next()).done && !(await yaml.next()).done);
    await yaml.return(undefined);
  });
});
