// Request bodies as objects. JSON from most clients; Kubernetes protobuf from kubectl's typed
// clients (`kubectl create namespace|deployment|job ...`, `auth can-i`). The protobuf decoder
// loads on the first such body, so a sim that never sees one never parses the schema.
import type { IncomingMessage } from 'node:http';
import { readBody, readBytes } from './http.js';
import type { Obj } from './resources.js';
import { ApiError, badRequest } from './status.js';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const ACCEPTED = `application/json, ${PROTOBUF}`;
const WORKAROUND = 'write the object to a file and send it as JSON with `kubectl apply -f FILE`';

/** The media type of a Content-Type header, without parameters ("" when absent). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function parseJson(text: string): Obj {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json');
  }
}

/** 415, with the way around it: kubectl prints the message under "Error from server". */
export function unreadable(why: string): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED} (the simulated cluster ${why}; ${WORKAROUND})`);
}

/** Read and decode a request body; no Content-Type is read as JSON, as before. */
export async function readObject(req: IncomingMessage): Promise<Obj> {
  const type = mediaType(req.headers['content-type']);
  if (type === PROTOBUF) {
    const { decodeObject, UnreadableBody } = await import('./protobuf/codec.js');
    try {
      return decodeObject(await readBytes(req));
    } catch (err) {
      if (err instanceof UnreadableBody) throw unreadable(`cannot read this protobuf body: ${err.message}`);
      throw err;
    }
  }
  if (type === '' || type === 'application/json') return parseJson(await readBody(req));
  throw unreadable(`reads no "${type}" bodies`);
}
