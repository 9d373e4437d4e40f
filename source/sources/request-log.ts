// kubectl's -v request log, for Kubernetes and EKS requests alike, on stderr:
//   -v=6  one line per request when its answer starts: `GET URL 200 OK in 12 milliseconds`
//   -v=7  + the request's headers
//   -v=8  + the response's headers, and request and response bodies cut at 1024 characters
//   -v=9  + bodies in full
// Credentials never reach it: the Authorization header shows its scheme only, and every other
// text goes through the redaction every error message gets (tokens, AWS keys and signatures).
import { STATUS_CODES } from 'node:http';
import { redactCredentials } from '../lib/redact.js';

export interface RequestLog {
  level: number;
  write(text: string): void;
  /** Known secret values (a --token, the kubeconfig's token) blanked wherever they appear. */
  secrets: readonly string[];
}

/** The levels that log anything (kubectl's 6 and up). */
export const REQUEST_LOG_LEVEL = 6;

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

const BODY_LIMIT = 1024;
const MASKED_HEADERS = /^(authorization|proxy-authorization|x-amz-security-token|cookie|set-cookie)$/i;

/** klog's line header (`I1017 14:03:07.123456`), so the lines read like kubectl's. */
function stamp(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0');
  return `I${two(now.getMonth() + 1)}${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`;
}

/** Write lines that are already safe (see `safe`). */
function emit(log: RequestLog, lines: string[]): void {
  const at = stamp();
  log.write(lines.map((line) => `${at} ${line}\n`).join(''));
}

const safe = (log: RequestLog, text: string): string => redactCredentials(text, log.secrets);

function headerLines(log: RequestLog, title: string, headers: HeaderPairs): string[] {
  return [`${title}:`, ...headers.map(([name, value]) => `    ${name}: ${MASKED_HEADERS.test(name) ? masked(value) : safe(log, value)}`)];
}

/** `Bearer <masked>` (kubectl's word): the scheme says which credential was sent, never its value. */
const masked = (value: string): string => `${value.split(' ')[0] === value ? '' : `${value.split(' ')[0]} `}<masked>`;

export function bodyText(log: RequestLog, body: string): string {
  if (log.level >= 9 || body.length <= BODY_LIMIT) return safe(log, body);
  return `${safe(log, body.slice(0, BODY_LIMIT))} [truncated ${body.length - BODY_LIMIT} chars]`;
}

/** At the request: its headers (-v=7) and body (-v=8). */
export function logRequest(log: RequestLog, request: { method: string; url: string; headers: HeaderPairs; body?: string | undefined }): void {
  if (log.level < 7) return;
  const lines = [`${request.method} ${safe(log, request.url)}`, ...headerLines(log, 'Request Headers', request.headers)];
  if (log.level >= 8 && request.body) lines.push(`Request Body: ${bodyText(log, request.body)}`);
  emit(log, lines);
}

/** When the answer starts: kubectl's line, and the response headers (-v=8). */
export function logResponse(log: RequestLog, response: { method: string; url: string; status: number; ms: number; headers: HeaderPairs }): void {
  const text = STATUS_CODES[response.status] ?? '';
  const lines = [`${response.method} ${safe(log, response.url)} ${response.status}${text ? ` ${text}` : ''} in ${Math.round(response.ms)} milliseconds`];
  if (log.level >= 8) lines.push(...headerLines(log, 'Response Headers', response.headers));
  emit(log, lines);
}

export function logResponseBody(log: RequestLog, body: string): void {
  if (log.level >= 8) emit(log, [`Response Body: ${bodyText(log, body)}`]);
}

export function logFailure(log: RequestLog, request: { method: string; url: string; ms: number; error: string }): void {
  emit(log, [`${request.method} ${safe(log, request.url)}  in ${Math.round(request.ms)} milliseconds: ${safe(log, request.error)}`]);
}
