import http from 'node:http';
import { fetch } from 'undici';
const s = http.createServer((_q, r) => r.end('x')); await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(s.address() as any).port}/`;
for (let i = 0; i < 400; i++) await (await fetch(url)).text();
console.log('undici entries', performance.getEntriesByType('resource').length);
for (let i = 0; i < 400; i++) await (await globalThis.fetch(url)).text();
console.log('after global fetch', performance.getEntriesByType('resource').length);
s.close(); s.closeAllConnections();
