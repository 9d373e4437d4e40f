// The `d` screen's layout, as `kubectl describe pod` prints it: labels and annotations one per
// line, the last-applied manifest left out, no value spilling onto the next field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLines } from '../../source/ui/views/doc-lines.js';
import { themeFor } from '../../source/ui/theme.js';

const text = (lines: ReturnType<typeof describeLines>) => lines.map((line) => line.map((s) => s.text).join(''));

test('labels and annotations one per line, aligned; last-applied-configuration left out as kubectl does', () => {
  const pod = {
    metadata: {
      name: 'hello',
      namespace: 'default',
      labels: { app: 'hello', 'eks.amazonaws.com/fargate-profile': 'fp-default' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', CapacityProvisioned: '0.25vCPU 0.5GB', Logging: 'LoggingDisabled: LOGGING_CONFIGMAP_NOT_FOUND' },
    },
    spec: { containers: [] },
    status: { phase: 'Running' },
  };
  const lines = text(describeLines({ pod, events: [] }, themeFor(true), 0));
  const at = lines.findIndex((l) => l.startsWith('Labels:'));
  assert.match(lines[at]!, /^Labels:\s+app=hello$/);
  assert.match(lines[at + 1]!, /^\s{18} eks\.amazonaws\.com\/fargate-profile=fp-default$/);
  assert.match(lines[at + 2]!, /^Annotations:\s+CapacityProvisioned: 0\.25vCPU 0\.5GB$/);
  assert.match(lines[at + 3]!, /^\s{18} Logging: LoggingDisabled: LOGGING_CONFIGMAP_NOT_FOUND$/);
  assert.match(lines[at + 4]!, /^Status:\s+Running$/);
  assert.ok(!lines.some((l) => l.includes('last-applied')));
});
