import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyFor } from '../../source/lib/proxy-env.js';

const P = 'http://proxy.corp:3128';
const https = (hostname: string, port = 443) => ({ protocol: 'https:', hostname, port });

const cases: Array<{ rule: string; target: ReturnType<typeof https> | { protocol: string; hostname: string; port: number }; env: NodeJS.ProcessEnv; want: string | null; loopbackDirect?: boolean }> = [
  { rule: 'no proxy variable: direct', target: https('eks.us-east-1.amazonaws.com'), env: {}, want: null },
  { rule: 'HTTPS_PROXY for https targets', target: https('eks.us-east-1.amazonaws.com'), env: { HTTPS_PROXY: P }, want: P },
  { rule: 'HTTP_PROXY is not used for https targets', target: https('eks.us-east-1.amazonaws.com'), env: { HTTP_PROXY: P }, want: null },
  { rule: 'HTTP_PROXY for http targets', target: { protocol: 'http:', hostname: 'api.example.com', port: 80 }, env: { HTTP_PROXY: P }, want: P },
  { rule: 'the lower-case name wins', target: https('a.example.com'), env: { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, want: P },
  { rule: 'an empty value means no proxy', target: https('a.example.com'), env: { HTTPS_PROXY: '  ' }, want: null },
  { rule: 'a proxy without a scheme is http://', target: https('a.example.com'), env: { HTTPS_PROXY: 'proxy.corp:3128' }, want: P },
  { rule: 'NO_PROXY domain covers its subdomains', target: https('eks.us-east-1.amazonaws.com'), env: { HTTPS_PROXY: P, NO_PROXY: 'amazonaws.com' }, want: null },
  { rule: 'NO_PROXY leading dot covers its subdomains', target: https('eks.us-east-1.amazonaws.com'), env: { HTTPS_PROXY: P, NO_PROXY: '.amazonaws.com' }, want: null },
  { rule: 'NO_PROXY domain does not cover a longer name', target: https('notamazonaws.com'), env: { HTTPS_PROXY: P, NO_PROXY: 'amazonaws.com' }, want: P },
  { rule: 'NO_PROXY host:port only for that port', target: https('a.example.com', 8443), env: { HTTPS_PROXY: P, NO_PROXY: 'a.example.com:443' }, want: P },
  { rule: 'NO_PROXY host:port for the default https port', target: https('a.example.com'), env: { HTTPS_PROXY: P, NO_PROXY: 'a.example.com:443' }, want: null },
  { rule: 'NO_PROXY CIDR covers addresses inside', target: https('10.1.2.3'), env: { HTTPS_PROXY: P, NO_PROXY: 'example.com, 10.0.0.0/8' }, want: null },
  { rule: 'NO_PROXY CIDR not addresses outside', target: https('11.1.2.3'), env: { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, want: P },
  { rule: 'NO_PROXY * bypasses everything', target: https('a.example.com'), env: { HTTPS_PROXY: P, NO_PROXY: '*' }, want: null },
  { rule: 'lower-case no_proxy is read', target: https('a.example.com'), env: { HTTPS_PROXY: P, no_proxy: 'example.com' }, want: null },
  { rule: "AWS CLI rules: loopback is proxied unless listed", target: https('127.0.0.1'), env: { HTTPS_PROXY: P }, want: P },
  { rule: "Go's rules (kubectl): loopback goes direct", target: https('127.0.0.1'), env: { HTTPS_PROXY: P }, want: null, loopbackDirect: true },
  { rule: "Go's rules (kubectl): localhost goes direct", target: https('localhost'), env: { HTTPS_PROXY: P }, want: null, loopbackDirect: true },
  { rule: "Go's rules (kubectl): other hosts are proxied", target: https('a.example.com'), env: { HTTPS_PROXY: P }, want: P, loopbackDirect: true },
];

for (const c of cases) {
  test(c.rule, () => {
    assert.equal(proxyFor(c.target, c.env, { loopbackDirect: c.loopbackDirect ?? false }), c.want);
  });
}
