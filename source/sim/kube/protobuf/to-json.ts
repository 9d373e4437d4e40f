// A decoded Kubernetes protobuf message -> the JSON object the API would have received: the
// schema's conventions (meta.ts) decide what is kept, special types get their JSON forms.
import protobuf from 'protobufjs';
import type { Obj } from '../resources.js';

const TIME = '.k8s.io.apimachinery.pkg.apis.meta.v1.Time';
const INT_OR_STRING = '.k8s.io.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = '.k8s.io.apimachinery.pkg.api.resource.Quantity';
const LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

type Decoded = Record<string, unknown>;

/** int64 fields decode to a Long (when the long package is present) or a number. */
function toNumber(v: unknown, unsigned: boolean): number {
  if (typeof v === 'number') return v;
  return protobuf.util.LongBits.from(v as protobuf.Long).toNumber(unsigned);
}

/** metav1.Time marshals as RFC 3339 in whole seconds; the zero time is JSON null. */
function timeJson(m: Decoded): string | undefined {
  const seconds = toNumber(m.seconds ?? 0, false);
  if (seconds === 0) return undefined;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function intOrStringJson(m: Decoded): number | string {
  return toNumber(m.type ?? 0, false) === 1 ? String(m.strVal ?? '') : Number(m.intVal ?? 0);
}

function scalarJson(field: protobuf.Field, v: unknown): unknown {
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (LONGS.has(field.type)) return toNumber(v, field.type.startsWith('u') || field.type === 'fixed64');
  return v;
}

function valueJson(field: protobuf.Field, v: unknown): unknown {
  const type = field.resolvedType;
  if (!(type instanceof protobuf.Type)) return scalarJson(field, v);
  const m = v as Decoded;
  switch (type.fullName) {
    case TIME:
      return timeJson(m);
    case INT_OR_STRING:
      return intOrStringJson(m);
    case QUANTITY:
      return String(m.string ?? '');
    default:
      return messageJson(type, m);
  }
}

/** Go's zero value of a field: what omitempty leaves out of JSON. */
function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  return typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** Only the fields the schema lists; others were skipped on the wire, as protobuf allows. */
export function messageJson(type: protobuf.Type, msg: Decoded): Obj {
  const out: Obj = {};
  for (const field of type.fieldsArray) {
    const raw = msg[field.name];
    if (raw === undefined || raw === null) continue;
    let value: unknown;
    if (field.map) {
      const entries = Object.entries(raw as Decoded);
      if (entries.length === 0) continue;
      value = Object.fromEntries(entries.map(([k, v]) => [k, valueJson(field, v)]));
    } else if (field.repeated) {
      const items = raw as unknown[];
      if (items.length === 0) continue;
      value = items.map((v) => valueJson(field, v));
    } else {
      const pointer = field.options?.proto3_optional === true;
      // A pointer is set when it came on the wire; a value field only when it is not zero.
      if (pointer && !Object.hasOwn(msg, field.name)) continue;
      value = valueJson(field, raw);
      if (value === undefined || (!pointer && isZero(value))) continue;
    }
    if (field.options?.['(inline)'] === true) Object.assign(out, value);
    else out[field.name] = value;
  }
  return out;
}
