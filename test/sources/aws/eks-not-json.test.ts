// An EKS endpoint answering with an HTML page (a proxy's error page, a wrong
// AWS_ENDPOINT_URL_EKS) gives one clear line, not the JSON parser's "Unexpected token '<'".
// The real AWS SDK talks to a loopback server over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { fetchProfiles } from '../../../source/sources/aws/eks.js';
import { clusterIdentity } from '../../helpers/records.js';

const PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';
const identity = clusterIdentity({ context: 'c', accountId: null });

let server: Server;
let url = '';
let status = 502;
const savedEnv = { ...process.env };
before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true' });
  delete process.env.AWS_PROFILE;
});
after(async () => {
  process.env = savedEnv;
  await new Promise((resolve) => server.close(resolve));
});

describe('an EKS answer that is not JSON', () => {
  for (const code of [502, 200, 403, 404]) {
    test(`HTTP ${code} with an HTML page: one line saying what came back, no parser error`, async () => {
      status = code;
      const { profiles, status: result } = await fetchProfiles(identity, { endpoint: url, maxAttempts: 1 });
      assert.deepEqual(profiles, []);
      assert.equal(result.state, 'error');
      assert.equal(
        result.message,
        `the EKS endpoint ${url} answered HTTP ${code} with a text/html page, not the EKS API's JSON (a proxy or firewall in between, or a wrong AWS_ENDPOINT_URL_EKS); try again shortly, or check the endpoint`,
      );
      assert.doesNotMatch(result.message ?? '', /SyntaxError|Unexpected token|\n/);
    });
  }
});
