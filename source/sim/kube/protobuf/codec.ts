// Kubernetes protobuf request bodies (what kubectl's typed clients send, e.g. `kubectl create
// namespace`): the "k8s\0" magic, a runtime.Unknown envelope naming apiVersion and kind, and
// the object's message inside. Decoded into the JSON object the same request would carry.
import protobuf from 'protobufjs';
import type { Obj } from '../resources.js';
import { AUTHORIZATION_PROTO } from './authorization.js';
import { CORE_PROTO } from './core.js';
import { INTSTR_PROTO, META_PROTO, RESOURCE_PROTO, RUNTIME_PROTO } from './meta.js';
import { messageJson } from './to-json.js';
import { APPS_PROTO, BATCH_PROTO, POLICY_PROTO } from './workloads.js';

const MAGIC = Buffer.from('k8s\0', 'latin1');

/** A body this decoder cannot read; the message says why, for the 415 answer. */
export class UnreadableBody extends Error {}

/** API group -> the protobuf package of its v1 messages. */
const PACKAGES: Record<string, string> = {
  '': 'k8s.io.api.core.v1',
  apps: 'k8s.io.api.apps.v1',
  batch: 'k8s.io.api.batch.v1',
  policy: 'k8s.io.api.policy.v1',
  'authorization.k8s.io': 'k8s.io.api.authorization.v1',
  'meta.k8s.io': 'k8s.io.apimachinery.pkg.apis.meta.v1',
};

/** Kinds every group version shares (client-go encodes them under the resource's group). */
const META_KINDS = new Set(['DeleteOptions']);

let root: protobuf.Root | undefined;

function schema(): protobuf.Root {
  if (root === undefined) {
    const r = new protobuf.Root();
    for (const text of [RUNTIME_PROTO, META_PROTO, INTSTR_PROTO, RESOURCE_PROTO, CORE_PROTO, APPS_PROTO, BATCH_PROTO, POLICY_PROTO, AUTHORIZATION_PROTO]) {
      protobuf.parse(text, r, { keepCase: true });
    }
    r.resolveAll();
    root = r;
  }
  return root;
}

/** The message type for apiVersion + kind, if the schema has it. */
function typeFor(apiVersion: string, kind: string): protobuf.Type | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const pkg = META_KINDS.has(kind) ? PACKAGES['meta.k8s.io'] : version === 'v1' ? PACKAGES[group] : undefined;
  if (pkg === undefined || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const found = schema().lookup(`${pkg}.${kind}`);
  return found instanceof protobuf.Type ? found : undefined;
}

/** Does the body start with the Kubernetes protobuf magic? */
export function isKubeProtobuf(body: Uint8Array): boolean {
  return body.length >= MAGIC.length && MAGIC.equals(body.subarray(0, MAGIC.length));
}

/** Decode a protobuf request body into the object's JSON form (apiVersion and kind included). */
export function decodeObject(body: Uint8Array): Obj {
  if (!isKubeProtobuf(body)) throw new UnreadableBody('the body does not start with the Kubernetes protobuf magic "k8s\\0"');
  let envelope: Obj;
  try {
    envelope = schema().lookupType('k8s.io.apimachinery.pkg.runtime.Unknown').decode(body.subarray(MAGIC.length));
  } catch (err) {
    throw new UnreadableBody(`its envelope is malformed (${(err as Error).message})`);
  }
  const apiVersion = String(envelope.typeMeta?.apiVersion ?? '');
  const kind = String(envelope.typeMeta?.kind ?? '');
  const label = kind === '' ? 'an object without a kind' : `${kind} (${apiVersion || 'no apiVersion'})`;
  if (envelope.contentEncoding) throw new UnreadableBody(`${label} is encoded as "${String(envelope.contentEncoding)}"`);
  const type = typeFor(apiVersion, kind);
  if (type === undefined) throw new UnreadableBody(`it does not know ${label} in protobuf`);
  let msg: Obj;
  try {
    msg = type.decode(envelope.raw ?? new Uint8Array());
  } catch (err) {
    throw new UnreadableBody(`${label} is malformed (${(err as Error).message})`);
  }
  return { apiVersion, kind, ...messageJson(type, msg) };
}
