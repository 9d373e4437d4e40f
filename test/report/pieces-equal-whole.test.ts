// The piecewise writers make exactly the text of the whole document (yaml-pieces.ts), or the same
// document (multi-cluster.ts: several clusters in one JSON or YAML document).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { buildReport, buildReportFrame, reportPod } from '../../source/report/document.js';
import { yamlPieces, yamlText } from '../../source/report/yaml-pieces.js';
import { jsonPieces, stringifyAt } from '../../source/report/json-pieces.js';
import { multiClusterJsonPieces, multiClusterYamlPieces, type ClusterEntry } from '../../source/report/multi-cluster.js';
import { sceneStoreWithPods } from '../helpers/scene.js';

const doc = buildReport(buildClusterView(sceneStoreWithPods(25).flush()), { now: new Date(0) });
const head = { apiVersion: 'kubectl-fargate/v1', kind: 'FargatePlacementReportList', generatedAt: '1970-01-01T00:00:00.000Z' } as const;

async function text(pieces: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const piece of pieces) out += piece;
  return out;
}

test('yaml pieces: the text of the whole document, for any batch size', () => {
  for (const batch of [1, 7, 200]) assert.equal([...yamlPieces(doc, 'pods', { batch })].join(''), yamlText(doc), `batch ${batch}`);
  assert.equal([...yamlPieces({ ...doc, pods: [] }, 'pods')].join(''), yamlText({ ...doc, pods: [] }));
  // The list key first in the document, too.
  const { pods, ...rest } = doc;
  const listFirst = { pods, ...rest };
  assert.equal([...yamlPieces(listFirst, 'pods', { batch: 4 })].join(''), yamlText(listFirst));
});

test('several clusters: the JSON is JSON.stringify of the whole; the YAML parses to the same document', async () => {
  const clusters: ClusterEntry[] = [{ ...doc, context: 'a' }, { context: 'b', error: 'cannot reach the API server' }, { ...doc, context: 'c', pods: [] }];
  const json = await text(multiClusterJsonPieces(head, clusters));
  assert.equal(json, `${JSON.stringify({ ...head, clusters }, null, 2)}\n`);
  const yaml = await text(multiClusterYamlPieces(head, clusters));
  assert.deepEqual(parse(yaml), { ...head, clusters });
  // A long reason folded over several lines keeps its meaning when indented under clusters.
  const long = { ...doc, context: 'long', pods: [{ ...doc.pods[0]!, reasons: ['x '.repeat(120).trim(), 'a: b # not a comment', '- not a list'] }] };
  assert.deepEqual(parse(await text(multiClusterYamlPieces(head, [long]))), { ...head, clusters: [long] });
});

test('json pieces at a depth: the lines of JSON.stringify(doc, null, 2) indented by 2*depth spaces, over several batches', () => {
  const many = { ...doc, pods: Array.from({ length: 450 }, (_, i) => ({ ...doc.pods[i % doc.pods.length]!, name: `pod-${i}` })) };
  for (const document of [many, { ...doc, pods: [] }]) {
    const whole = JSON.stringify(document, null, 2);
    assert.equal([...jsonPieces(document, 'pods')].join(''), `${whole}\n`);
    for (const depth of [1, 2, 3]) {
      const nested = whole.replaceAll('\n', `\n${' '.repeat(2 * depth)}`);
      assert.equal([...jsonPieces(document, 'pods', { depth })].join(''), nested, `depth ${depth}`);
      assert.equal(stringifyAt(document, depth), nested, `stringifyAt depth ${depth}`);
    }
  }
});

test('report pods made a batch at a time from their views: the same text as the whole report', () => {
  const view = buildClusterView(sceneStoreWithPods(130).flush());
  const now = new Date(0);
  const whole = buildReport(view, { now });
  const { document, views } = buildReportFrame(view, { now });
  assert.deepEqual(document.pods, [], 'the frame holds no pods');
  const lazy = { items: views, each: reportPod };
  assert.equal([...jsonPieces(document, 'pods', { lazy })].join(''), `${JSON.stringify(whole, null, 2)}\n`);
  assert.equal([...yamlPieces(document, 'pods', { batch: 7, lazy })].join(''), yamlText(whole));
});
