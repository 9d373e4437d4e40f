// One notion of "try again" for every Kubernetes call that is retried (eviction, re-creation, waits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeApiError, isTransient, type KubeErrorReason } from '../../../source/sources/kube/errors.js';

const error = (status: number, reason: KubeErrorReason) => new KubeApiError('x', { status, reason, verb: 'create', resource: 'pods' });

const cases: Array<{ rule: string; error: unknown; conflict?: boolean; transient: boolean }> = [
  { rule: 'the API server could not be reached', error: error(0, 'Unreachable'), transient: true },
  { rule: 'the request timed out', error: error(0, 'Timeout'), transient: true },
  { rule: 'a failure talking TLS mid-run (a proxy or load balancer)', error: error(0, 'TLS'), transient: true },
  { rule: 'our own cancel (Ctrl-C) is not', error: error(0, 'Aborted'), transient: false },
  { rule: 'throttled (429)', error: error(429, 'TooManyRequests'), transient: true },
  { rule: 'a server failure (500)', error: error(500, 'ServerError'), transient: true },
  { rule: 'unavailable (503)', error: error(503, 'ServerError'), transient: true },
  { rule: 'a conflict is final by default', error: error(409, 'Conflict'), transient: false },
  { rule: 'a conflict is "not yet" where the caller says so', error: error(409, 'Conflict'), conflict: true, transient: true },
  { rule: 'forbidden (403) is final', error: error(403, 'Forbidden'), transient: false },
  { rule: 'not found (404) is final', error: error(404, 'NotFound'), transient: false },
  { rule: 'a refused request (400/422) is final', error: error(422, 'BadRequest'), transient: false },
  { rule: 'expired credentials (401) are final', error: error(401, 'Unauthorized'), transient: false },
  { rule: 'an error that is not from the API is final', error: new Error('bug'), transient: false },
];

for (const c of cases) {
  test(c.rule, () => assert.equal(isTransient(c.error, c.conflict ? { conflict: true } : {}), c.transient));
}
