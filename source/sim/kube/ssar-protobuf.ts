// `kubectl auth can-i` posts its SelfSubjectAccessReview as Kubernetes protobuf (magic "k8s\0" +
// runtime.Unknown). A tiny codec for just that message: read the resource attributes, answer
// with the spec echoed and status.allowed set.

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';

interface Field {
  no: number;
  wire: number;
  value: Buffer | number;
}

function readVarint(b: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= b.length) throw new Error('truncated varint');
    const byte = b[pos++]!;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function fields(b: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < b.length) {
    const [key, p1] = readVarint(b, pos);
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const [v, p2] = readVarint(b, p1);
      out.push({ no, wire, value: v });
      pos = p2;
    } else if (wire === 2) {
      const [len, p2] = readVarint(b, p1);
      out.push({ no, wire, value: b.subarray(p2, p2 + len) });
      pos = p2 + len;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const bytesOf = (fs: Field[], no: number): Buffer | undefined => fs.find((f) => f.no === no && f.wire === 2)?.value as Buffer | undefined;
const strOf = (fs: Field[], no: number): string => bytesOf(fs, no)?.toString('utf8') ?? '';

function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const lenField = (no: number, data: Buffer): Buffer => Buffer.concat([varint(no * 8 + 2), varint(data.length), data]);
const boolField = (no: number, v: boolean): Buffer => Buffer.concat([varint(no * 8), varint(v ? 1 : 0)]);

export interface ReviewAttributes {
  namespace: string;
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  name: string;
  /** The raw spec bytes, echoed back in the answer. */
  spec: Buffer;
}

export function decodeReview(body: Buffer): ReviewAttributes {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('not a Kubernetes protobuf message');
  const unknown = fields(body.subarray(4));
  const raw = bytesOf(unknown, 2) ?? Buffer.alloc(0);
  const review = fields(raw);
  const spec = bytesOf(review, 2) ?? Buffer.alloc(0);
  const attrs = fields(bytesOf(fields(spec), 1) ?? Buffer.alloc(0));
  return { namespace: strOf(attrs, 1), verb: strOf(attrs, 2), group: strOf(attrs, 3), resource: strOf(attrs, 5), subresource: strOf(attrs, 6), name: strOf(attrs, 7), spec };
}

export function encodeReview(spec: Buffer, allowed: boolean, reason: string): Buffer {
  const typeMeta = Buffer.concat([lenField(1, Buffer.from('authorization.k8s.io/v1')), lenField(2, Buffer.from('SelfSubjectAccessReview'))]);
  const status = Buffer.concat([boolField(1, allowed), lenField(2, Buffer.from(reason))]);
  const review = Buffer.concat([lenField(1, Buffer.alloc(0)), lenField(2, spec), lenField(3, status)]);
  return Buffer.concat([MAGIC, lenField(1, typeMeta), lenField(2, review), lenField(3, Buffer.alloc(0)), lenField(4, Buffer.alloc(0))]);
}
