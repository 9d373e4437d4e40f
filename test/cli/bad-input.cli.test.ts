// Bad input, one table: every way a user can hand the tool something wrong, run through the BUILT
// CLI against the sim or crafted kubeconfigs. Each row must end with the right exit code (2 for
// usage, 1 for runtime) and ONE stderr line `error: ...` naming the problem and the fix — no stack
// trace, no second line (warnings only where the row expects them). The sim serves https (with a
// token, as EKS does); `plainSim` is a second one over plain http, where no credential is sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { runCli, simEnv } from '../helpers/cli.js';

/** What the rows are built from; made once in before(). */
interface Fixtures {
  /** The sim over https (its env: the default for rows). */
  sim: RunningSim;
  /** A second sim over plain http (anonymous, as kubectl would be there). */
  plainSim: RunningSim;
  dir: string;
  /** A HOME with no ~/.kube/config and no ~/.aws. */
  emptyHome: string;
  /** A directory with no executables, for "not found on PATH". */
  emptyPath: string;
  /** A kubeconfig file nobody may read (mode 000). */
  unreadable: string;
  file(name: string, text: string): string;
  /** A kubeconfig with one context "ctx" (no EKS naming: cluster and region cannot be inferred). */
  kubeconfig(name: string, opts: { server?: string; user?: Record<string, unknown>; current?: boolean; tls?: 'skip' | 'verify' }): string;
  closedPortUrl: string;
  /** An https server with a self-signed certificate (the sim's). */
  tlsUrl: string | null;
  podName(namespace: string, prefix: string): string;
}

interface Row {
  rule: string;
  args: (fx: Fixtures) => string[];
  /** Environment (default: the sim's). Always starts from a clean one (see cleanEnv). */
  env?: (fx: Fixtures) => NodeJS.ProcessEnv;
  /** Runs before the CLI; the returned function undoes it. */
  setup?: (fx: Fixtures) => (() => void) | void;
  exit: number;
  /**
   * The one `error: ...` line (or `warning: ...` for rows with exit 0): the problem AND the fix.
   * null: stderr stays empty and the answer is on stdout (a per-pod result).
   */
  stderr: RegExp | null;
  /** Rows where the result goes to stdout (reschedule results): it must match this. */
  stdout?: RegExp;
  /** Warning lines allowed besides the error line (default 0). */
  warnings?: number;
  /** Skip with this reason (e.g. a tool missing on this machine). */
  skip?: (fx: Fixtures) => string | false;
}

const SIM_TOKEN_USER = (fx: Fixtures) => ({ token: fx.sim.token });
const execUser = (command: string, args: string[] = []) => ({
  exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command, args, interactiveMode: 'Never' },
});

/** "Billion laughs": nine aliases of nine aliases of ... (small text, 9^6 nodes expanded). */
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n') + '\n';

const rows: Row[] = [
  // ---- flags (usage: exit 2) ----
  { rule: 'unknown flag', args: () => ['--bogus'], exit: 2, stderr: /^error: unknown flag --bogus; see `kubectl fargate --help` for the flags$/ },
  { rule: 'unknown short flag', args: () => ['-Z'], exit: 2, stderr: /^error: unknown flag -Z; see `kubectl fargate --help`/ },
  { rule: 'bad -o value', args: () => ['-o', 'xml'], exit: 2, stderr: /^error: unsupported output format "xml"; use -o json\|yaml\|wide\|table\|name\|jsonpath=\.\.\.\|jsonpath-file=\.\.\.\|custom-columns=\.\.\.\|custom-columns-file=\.\.\.$/ },
  // A template, a --sort-by path and -v are checked before anything is contacted: against an API
  // server that cannot be reached, a later check would fail on the connection instead (exit 1).
  ...(
    [
      { rule: 'a -o jsonpath template with an unclosed {', flags: ['-o', 'jsonpath={.pods[*].name'], stderr: /^error: invalid -o jsonpath template "\{\.pods\[\*\]\.name": a "\{" is not closed; e\.g\. -o jsonpath=/ },
      { rule: 'a -o custom-columns column without its header', flags: ['-o', 'custom-columns=.name'], stderr: /^error: invalid -o custom-columns "\.name": each column is HEADER:PATH \(got "\.name"\); e\.g\. -o custom-columns=NAME:\.name,VERDICT:\.verdict$/ },
      { rule: 'a --sort-by that is not a path', flags: ['-o', 'wide', '--sort-by', '{.a} {.b}'], stderr: /^error: invalid --sort-by "\{\.a\} \{\.b\}": give one path/ },
      { rule: 'a -v that is not a level', flags: ['-o', 'json', '-v=loud'], stderr: /^error: invalid -v "loud"; use a level from 0 to 10: 6 logs each request, 7 adds its headers, 8 the bodies$/ },
      { rule: 'a bad template beside --help is refused too (every flag is checked first)', flags: ['--help', '-o', 'jsonpath={range .pods[*]}'], stderr: /^error: invalid -o jsonpath template "\{range \.pods\[\*\]\}": \{range\} without \{end\}/ },
    ] as const
  ).map(({ rule, flags, stderr }): Row => ({ rule: `${rule}: refused before the API server is contacted`, args: () => [...flags], env: (fx) => ({ KUBECONFIG: fx.kubeconfig('closed.yaml', { server: fx.closedPortUrl }) }), exit: 2, stderr })),
  // ---- issue 15: kubectl's connection flags and the flags not built ----
  { rule: '--as-uid without --as', args: () => ['--as-uid', '42'], exit: 2, stderr: /^error: --as-uid needs --as/ },
  { rule: '--insecure-skip-tls-verify with --certificate-authority', args: () => ['--insecure-skip-tls-verify', '--certificate-authority', 'ca.crt'], exit: 2, stderr: /^error: --insecure-skip-tls-verify and --certificate-authority conflict/ },
  { rule: '--server that is no URL', args: () => ['-s', 'ftp://x'], exit: 2, stderr: /^error: invalid --server "ftp:\/\/x": not an http\(s\) URL/ },
  { rule: 'a flag without its value', args: () => ['--context'], exit: 2, stderr: /^error: --context needs a value; see `kubectl fargate --help`$/ },
  { rule: 'bad --request-timeout', args: () => ['--request-timeout', 'soon'], exit: 2, stderr: /^error: invalid --request-timeout "soon": use a duration like 30s, 1m or 500ms/ },
  { rule: 'a boolean flag given something else', args: () => ['--no-headers=maybe'], exit: 2, stderr: /^error: invalid value "maybe" for --no-headers: use true or false$/ },
  { rule: 'a shorthand value flag at the end', args: () => ['-n'], exit: 2, stderr: /^error: -n needs a value; see `kubectl fargate --help`$/ },
  { rule: '--dry-run with a mode kubectl does not have', args: () => ['reschedule', '-n', 'test', 'test', '--dry-run=yes'], exit: 2, stderr: /^error: invalid --dry-run "yes"; use --dry-run=client, --dry-run=server or --dry-run=none/ },
  { rule: '--timeout longer than 24h (Node\'s timers would fire at once)', args: () => ['reschedule', '-n', 'test', 'test', '--yes', '--timeout', '600h'], exit: 2, stderr: /^error: invalid --timeout "600h": the longest is 24h; e\.g\. --timeout 30m$/ },
  { rule: '--request-timeout longer than 24h', args: () => ['--request-timeout', '48h'], exit: 2, stderr: /^error: invalid --request-timeout "48h": the longest is 24h$/ },
  {
    rule: 'a bad --timeout without --yes names the bad duration, not the missing --yes (flags are checked before confirmation)',
    args: () => ['reschedule', '-n', 'test', 'test', '--timeout', 'abc'],
    exit: 2,
    stderr: /^error: invalid --timeout "abc"; use a duration like 90s, 5m or 1m30s$/,
  },
  {
    rule: '--cluster used the old way (an EKS name, not a kubeconfig cluster entry) points to --eks-cluster',
    args: () => ['check', '-n', 'test', '--cluster', 'demo'],
    exit: 2,
    stderr: /^error: cluster "demo" not found in kubeconfig \S+ \(clusters: arn:aws:eks:us-east-1:111122223333:cluster\/demo\); --cluster picks a kubeconfig cluster entry, as in kubectl: for the EKS cluster name pass --eks-cluster demo$/,
  },
  {
    rule: '--eks-cluster naming another cluster than the context\'s: writes are refused',
    args: () => ['reschedule', '-n', 'test', 'test', '--yes', '--eks-cluster', 'prod'],
    exit: 2,
    stderr: /^error: refusing to change anything: EKS cluster prod \(us-east-1\) is not the cluster of context "arn:aws:eks:us-east-1:111122223333:cluster\/demo", which is EKS cluster demo \(us-east-1\); drop --eks-cluster\/--region to use the context's own cluster, or pick the right context with --context$/,
  },
  { rule: 'unknown command', args: () => ['rescedule'], exit: 2, stderr: /^error: unknown command "rescedule"; commands are: check, reschedule, restore, profile, version/ },
  {
    rule: '--context not in the kubeconfig (usage: the flag names nothing)',
    args: () => ['--context', 'prod'],
    exit: 2,
    stderr: /^error: context "prod" not found in kubeconfig \S+ \(contexts: arn:aws:eks:us-east-1:111122223333:cluster\/demo\); pass one of them with --context$/,
  },
  {
    rule: '--kubeconfig naming a missing file',
    args: (fx) => ['--kubeconfig', join(fx.dir, 'nope.yaml')],
    exit: 2,
    stderr: /^error: kubeconfig file \S+nope\.yaml \(from --kubeconfig\) does not exist; check the path$/,
  },
  {
    rule: '--kubeconfig naming a directory',
    args: (fx) => ['--kubeconfig', fx.dir],
    exit: 2,
    stderr: /^error: kubeconfig file \S+ \(from --kubeconfig\) is not a file; check the path$/,
  },

  // ---- kubeconfig (runtime: exit 1) ----
  {
    rule: 'malformed kubeconfig YAML',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: fx.file('malformed.yaml', 'apiVersion: v1\nclusters: [\n  - name: {x\n') }),
    exit: 1,
    stderr: /^error: kubeconfig \S+malformed\.yaml is not valid YAML: .+; fix the file \(`kubectl config view`.*\), or regenerate it with `aws eks update-kubeconfig`$/,
  },
  {
    rule: 'a kubeconfig that is YAML but not a mapping',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: fx.file('list.yaml', '- a\n- b\n') }),
    exit: 1,
    stderr: /^error: kubeconfig \S+list\.yaml is not a kubeconfig \(expected a mapping with clusters, users, contexts\); fix the file/,
  },
  {
    rule: 'an unreadable kubeconfig',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: fx.unreadable }),
    // root reads any file: the case cannot happen there.
    skip: () => (process.getuid?.() === 0 ? 'running as root' : false),
    exit: 1,
    stderr: /^error: cannot read kubeconfig \S+unreadable\.yaml: EACCES.*; check its permissions, or point --kubeconfig \/ KUBECONFIG at another file$/,
  },
  {
    rule: 'empty KUBECONFIG and no ~/.kube/config',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: '', HOME: fx.emptyHome }),
    exit: 1,
    stderr: /^error: no kubeconfig found: set KUBECONFIG or pass --kubeconfig$/,
  },
  {
    rule: 'KUBECONFIG pointing at an empty file',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: fx.file('empty.yaml', '') }),
    exit: 1,
    stderr: /^error: kubeconfig \S+empty\.yaml has no contexts; run `aws eks update-kubeconfig --name CLUSTER --region REGION` or pass --kubeconfig$/,
  },
  {
    rule: 'KUBECONFIG naming only missing files',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: join(fx.dir, 'gone-1.yaml') }),
    exit: 1,
    stderr: /^error: no kubeconfig found: none of the KUBECONFIG files exist \(.+gone-1\.yaml\); fix KUBECONFIG or pass --kubeconfig$/,
  },
  {
    rule: 'no current-context',
    args: () => [],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('nocurrent.yaml', { current: false }) }),
    exit: 1,
    stderr: /^error: kubeconfig \S+nocurrent\.yaml has no current-context; pass --context NAME \(contexts: ctx\)$/,
  },

  // ---- the API server ----
  {
    rule: 'unreachable API server (closed port)',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('closed.yaml', { server: fx.closedPortUrl }) }),
    exit: 1,
    stderr: /^error: cannot reach the API server at https?:\/\/127\.0\.0\.1:\d+: ECONNREFUSED.*; check the network\/VPN and the context's server$/,
  },
  {
    rule: 'TLS failure: a self-signed certificate the kubeconfig does not trust',
    args: () => ['-o', 'json'],
    // Without the sim's env trusting its certificate (NODE_EXTRA_CA_CERTS).
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('tls.yaml', { server: fx.tlsUrl!, tls: 'verify' }), NODE_EXTRA_CA_CERTS: undefined }),
    exit: 1,
    stderr: /^error: TLS error talking to https:\/\/127\.0\.0\.1:\d+: self[- ]signed certificate; check the cluster's certificate-authority-data in the kubeconfig$/,
  },
  {
    rule: '401: a token the API server rejects',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('wrong-token.yaml', { user: { token: 'not-the-sim-token' } }) }),
    exit: 1,
    stderr: /^error: the API server rejected the credentials \(401\) of context "ctx" to list pods; refresh them \(e\.g\. `aws sso login`, `aws eks update-kubeconfig`\) and retry$/,
  },
  {
    rule: '403: names the verb and resource, and how to check the permission',
    args: () => ['-n', 'test', '-o', 'json'],
    setup: (fx) => {
      fx.sim.faults.deny({ verb: 'list', resource: 'pods', namespace: 'test' });
      return () => fx.sim.faults.reset();
    },
    exit: 1,
    stderr: /^error: forbidden: cannot list pods in namespace test \(403\): pods is forbidden: .*; ask a cluster admin for RBAC permission to list pods \(check with `kubectl auth can-i list pods -n test`\)$/,
  },

  // ---- exec credential plugins ----
  {
    rule: 'exec plugin aws-iam-authenticator missing from PATH',
    args: () => ['-o', 'json'],
    env: (fx) => ({ PATH: fx.emptyPath, KUBECONFIG: fx.kubeconfig('iam-auth.yaml', { user: execUser('aws-iam-authenticator', ['token', '-i', 'demo']) }) }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `aws-iam-authenticator` was not found on PATH; install aws-iam-authenticator, or run `aws eks update-kubeconfig` to use `aws eks get-token` instead$/,
  },
  {
    rule: 'exec plugin aws missing from PATH',
    args: () => ['-o', 'json'],
    env: (fx) => ({ PATH: fx.emptyPath, KUBECONFIG: fx.kubeconfig('aws-missing.yaml', { user: execUser('aws', ['eks', 'get-token', '--cluster-name', 'demo']) }) }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `aws` was not found on PATH; install the AWS CLI or run `aws eks update-kubeconfig`$/,
  },
  {
    rule: 'exec plugin that fails silently',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('exec-false.yaml', { user: execUser('false') }) }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `false` failed: no output; run `false` by hand to see why \(for EKS: `aws sso login`, or re-run `aws eks update-kubeconfig`\)$/,
  },
  {
    rule: 'exec plugin that fails with a message (expired SSO session)',
    args: () => ['-o', 'json'],
    env: (fx) => ({
      KUBECONFIG: fx.kubeconfig('exec-sso.yaml', {
        user: execUser('sh', ['-c', 'echo "Error loading SSO Token: Token for my-sso does not exist" >&2; echo "more detail" >&2; exit 255']),
      }),
    }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `sh` failed: Error loading SSO Token: Token for my-sso does not exist more detail; run `sh` by hand/,
  },

  // ---- cluster identity and AWS (check needs the profiles: exit 3, could not tell; the report only warns) ----
  {
    rule: 'cluster name not inferable (check)',
    args: () => ['check', '-n', 'test'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('plain.yaml', { user: SIM_TOKEN_USER(fx) }) }),
    exit: 3,
    stderr: /^error: cannot check placement: the Fargate profiles are unknown \(cannot tell the EKS cluster name for context "ctx": pass --eks-cluster NAME \(and --region REGION\)\); fix AWS access, or pass --no-aws with --profiles-file$/,
  },
  {
    rule: 'cluster name not inferable (report: a warning, pods still shown)',
    args: () => ['-n', 'test', '-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('plain.yaml', { user: SIM_TOKEN_USER(fx) }) }),
    exit: 0,
    stderr: /^warning: cannot tell the EKS cluster name for context "ctx": pass --eks-cluster NAME \(and --region REGION\)$/,
  },
  {
    rule: 'region not inferable',
    args: () => ['check', '-n', 'test', '--eks-cluster', 'demo'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('plain.yaml', { user: SIM_TOKEN_USER(fx) }) }),
    exit: 3,
    stderr: /cannot tell the AWS region of EKS cluster "demo" \(context "ctx"\): pass --region REGION\); fix AWS access/,
  },
  {
    rule: 'unknown cluster in EKS',
    args: () => ['check', '-n', 'test', '--eks-cluster', 'nope'],
    exit: 3,
    stderr: /^error: cannot check placement: the Fargate profiles are unknown \(EKS cluster nope not found in us-east-1: check --eks-cluster\/--region\)/,
  },
  {
    rule: 'AWS credentials missing',
    args: () => ['check', '-n', 'test'],
    env: (fx) => ({
      ...simEnv(fx.sim),
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      HOME: fx.emptyHome,
      AWS_CONFIG_FILE: join(fx.emptyHome, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(fx.emptyHome, 'no-credentials'),
    }),
    exit: 3,
    stderr: /^error: cannot check placement: the Fargate profiles are unknown \(AWS credentials are missing or expired: run `aws sso login` \/ set AWS_PROFILE, or pass --no-aws\)/,
  },
  {
    rule: 'AWS credentials expired',
    args: () => ['check', '-n', 'test'],
    setup: (fx) => {
      fx.sim.faults.eksFail({ operation: '*', error: 'ExpiredTokenException', count: 100 });
      return () => fx.sim.faults.reset();
    },
    exit: 3,
    stderr: /\(AWS credentials are missing or expired: run `aws sso login` \/ set AWS_PROFILE, or pass --no-aws\)/,
  },
  {
    rule: 'AccessDenied on ListFargateProfiles names the IAM actions',
    args: () => ['check', '-n', 'test'],
    setup: (fx) => {
      fx.sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'AccessDeniedException', count: 100 });
      return () => fx.sim.faults.reset();
    },
    exit: 3,
    stderr: /^error: cannot check placement: the Fargate profiles are unknown \(access denied reading Fargate profiles of demo: allow eks:ListFargateProfiles and eks:DescribeFargateProfile for your AWS identity/,
  },
  {
    rule: 'AccessDenied on DescribeFargateProfile names the IAM actions',
    args: () => ['check', '-n', 'test'],
    setup: (fx) => {
      fx.sim.faults.eksFail({ operation: 'DescribeFargateProfile', error: 'AccessDeniedException', count: 100 });
      return () => fx.sim.faults.reset();
    },
    exit: 3,
    stderr: /allow eks:ListFargateProfiles and eks:DescribeFargateProfile for your AWS identity \(.*eks:DescribeFargateProfile.*\)\); fix AWS access/,
  },
  {
    rule: 'AccessDenied in the report: one warning, exit 0',
    args: () => ['-n', 'test', '-o', 'json'],
    setup: (fx) => {
      fx.sim.faults.eksFail({ operation: '*', error: 'AccessDeniedException', count: 100 });
      return () => fx.sim.faults.reset();
    },
    exit: 0,
    stderr: /^warning: access denied reading Fargate profiles of demo: allow eks:ListFargateProfiles and eks:DescribeFargateProfile/,
  },

  // ---- --price-file (issue 15): a usage error naming the file, before anything is contacted ----
  // The kubeconfig points at a closed port: reaching it would end in a connection error instead.
  ...(
    [
      { rule: '--price-file naming a missing file', name: null, text: '', stderr: /^error: --price-file \S+absent-prices\.yaml: no such file; check the path$/ },
      { rule: '--price-file that is not YAML or JSON', name: 'broken-prices.yaml', text: 'vcpuHour: [0.1\n', stderr: /^error: --price-file \S+broken-prices\.yaml: not valid YAML or JSON: .+; write \{region: eu-west-1, vcpuHour: 0\.04456, gbHour: 0\.004865\}, or a map of regions to \{vcpuHour, gbHour\}$/ },
      { rule: '--price-file with a negative price', name: 'negative-prices.yaml', text: 'region: eu-west-1\nvcpuHour: -0.04\ngbHour: 0.004\n', stderr: /^error: --price-file \S+negative-prices\.yaml: vcpuHour -0\.04 is negative; prices are USD per hour, 0 or more$/ },
      { rule: '--price-file with a price that is not a number', name: 'word-prices.json', text: '{"vcpuHour": 0.04, "gbHour": "cheap"}', stderr: /^error: --price-file \S+word-prices\.json: gbHour "cheap" is not a number; write USD per GB-hour as a plain number, e.g\. gbHour: 0\.004445$/ },
      { rule: '--price-file with a price missing', name: 'half-prices.yaml', text: 'region: eu-west-1\nvcpuHour: 0.04\n', stderr: /^error: --price-file \S+half-prices\.yaml: gbHour is missing; write \{region: eu-west-1/ },
      { rule: '--price-file keyed by something that is not a region', name: 'keys-prices.yaml', text: 'eu-west-1: {vcpuHour: 0.04, gbHour: 0.004}\nEurope: {vcpuHour: 0.04, gbHour: 0.004}\n', stderr: /^error: --price-file \S+keys-prices\.yaml: "Europe" is not an AWS region name; write/ },
    ] as const
  ).map((c): Row => ({
    rule: c.rule,
    args: (fx) => ['-o', 'json', '--price-file', c.name === null ? join(fx.dir, 'absent-prices.yaml') : fx.file(c.name, c.text)],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('closed.yaml', { server: fx.closedPortUrl }) }),
    exit: 2,
    stderr: c.stderr,
  })),
  {
    rule: 'a bad --price-file with --all-contexts: refused before any cluster is read',
    args: (fx) => ['--all-contexts', '-o', 'json', '--price-file', fx.file('all-negative-prices.yaml', 'vcpuHour: 0.04\ngbHour: -1\n')],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('closed.yaml', { server: fx.closedPortUrl }) }),
    exit: 2,
    stderr: /^error: --price-file \S+all-negative-prices\.yaml: gbHour -1 is negative; prices are USD per hour, 0 or more$/,
  },
  // ---- --profiles-file ----
  {
    rule: '--profiles-file naming a missing file',
    args: (fx) => ['--no-aws', '--profiles-file', join(fx.dir, 'absent.yaml'), '-o', 'json'],
    exit: 2,
    stderr: /^error: --profiles-file \S+absent\.yaml: no such file; check the path$/,
  },
  {
    rule: 'malformed --profiles-file',
    args: (fx) => ['--no-aws', '--profiles-file', fx.file('broken-profiles.yaml', 'fargateProfiles:\n  - name: [x\n'), '-o', 'json'],
    exit: 1,
    stderr: /^error: \S+broken-profiles\.yaml: not valid YAML or JSON: .+; give an eksctl ClusterConfig with fargateProfiles/,
  },
  {
    rule: 'unsupported --profiles-file (a Kubernetes manifest)',
    args: (fx) => ['--no-aws', '--profiles-file', fx.file('configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n'), '-o', 'json'],
    exit: 1,
    stderr: /^error: \S+configmap\.yaml: document is not a Fargate profile: expected eksctl fargateProfiles, or describe-fargate-profile output; give an eksctl ClusterConfig/,
  },
  {
    rule: 'unsupported --profiles-file (list-fargate-profiles output)',
    args: (fx) => ['--no-aws', '--profiles-file', fx.file('names.json', '{"fargateProfileNames": ["fp-a"]}'), '-o', 'json'],
    exit: 1,
    stderr: /^error: \S+names\.json: lists only profile names \(aws eks list-fargate-profiles\); use describe-fargate-profile output; e\.g\. `aws eks describe-fargate-profile/,
  },
  {
    rule: 'a profile with more than 5 selectors (EKS rejects it)',
    args: (fx) => [
      '--no-aws',
      '--profiles-file',
      fx.file('six.yaml', stringify({ fargateProfiles: [{ name: 'fp-six', selectors: ['a', 'b', 'c', 'd', 'e', 'f'].map((namespace) => ({ namespace })) }] })),
      '-o',
      'json',
    ],
    exit: 1,
    stderr: /^error: \S+six\.yaml: profile fp-six has 6 selectors; EKS allows at most 5; split them over several profiles$/,
  },
  {
    rule: 'a selector with an empty namespace (EKS rejects it)',
    args: (fx) => ['--no-aws', '--profiles-file', fx.file('emptyns.yaml', stringify({ fargateProfiles: [{ name: 'fp-x', selectors: [{ namespace: '' }] }] })), '-o', 'json'],
    exit: 1,
    stderr: /^error: \S+emptyns\.yaml: profile fp-x selector 1 has no namespace; EKS requires one; give every selector a namespace/,
  },

  // ---- reschedule / restore ----
  {
    rule: 'reschedule of a pod that does not exist',
    args: () => ['reschedule', '-n', 'test', 'no-such-pod', '--yes'],
    exit: 1,
    stderr: /^error: pod "no-such-pod" not found in namespace test; check the name, or pass -n NAMESPACE$/,
  },
  {
    rule: 'reschedule of a DaemonSet pod is refused with the reason',
    args: (fx) => ['reschedule', '-n', 'kube-system', fx.podName('kube-system', 'kube-proxy-'), '--yes'],
    exit: 1,
    // A per-pod result, not an error: the reason is the pod's row on stdout.
    stderr: null,
    stdout: /^kube-system\/kube-proxy-\S+\s+refused\s+owned by DaemonSet kube-proxy: .*re-creating it would not help$/m,
  },
  {
    rule: 'non-TTY reschedule without --yes',
    args: () => ['reschedule', '-n', 'test', 'test'],
    exit: 2,
    stderr: /^error: refusing to reschedule without confirmation: pass --yes \(stdin is not a terminal\)/,
  },
  {
    rule: 'restore of a missing backup file',
    args: (fx) => ['restore', join(fx.dir, 'test-20260101.yaml')],
    exit: 1,
    stderr: /^error: backup file \S+test-20260101\.yaml does not exist/,
  },
  {
    rule: 'restore of a corrupt backup file',
    args: (fx) => ['restore', fx.file('corrupt-backup.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n')],
    exit: 1,
    stderr: /^error: \S+corrupt-backup\.yaml is not valid YAML or JSON: /,
  },
  {
    rule: 'reschedule --from with an unknown source',
    args: () => ['reschedule', '-n', 'test', 'test', '--yes', '--from', 'yesterday'],
    exit: 2,
    stderr: /^error: invalid --from "yesterday"; use --from live \(the pod as it runs now\) or --from last-applied$/,
  },
  {
    rule: '--from without reschedule',
    args: () => ['--from', 'live'],
    exit: 2,
    stderr: /^error: --from is only valid with: reschedule$/,
  },
  // ---- upgrade readiness: check --upgrade, reschedule --outdated, --strategy (a block) ----
  { rule: '--strategy with a value that is no strategy', args: () => ['reschedule', '--outdated', '-A', '--yes', '--strategy', 'rolling'], exit: 2, stderr: /^error: invalid --strategy "rolling"; use --strategy evict \(the Eviction API, pod by pod\) or --strategy restart \(a rollout restart of each Deployment and StatefulSet: all its replicas\)$/ },
  { rule: '--strategy=Restart (values are case-sensitive, as kubectl\'s)', args: () => ['reschedule', '--outdated', '-A', '--yes', '--strategy=Restart'], exit: 2, stderr: /^error: invalid --strategy "Restart"; use --strategy evict/ },
  { rule: '--strategy with no value', args: () => ['reschedule', '--outdated', '-A', '--yes', '--strategy'], exit: 2, stderr: /^error: --strategy needs a value; see `kubectl fargate --help`$/ },
  { rule: '--strategy without reschedule', args: () => ['check', '--strategy', 'evict'], exit: 2, stderr: /^error: --strategy is only valid with: reschedule$/ },
  { rule: '--outdated without a scope', args: () => ['reschedule', '--outdated', '--yes'], exit: 2, stderr: /^error: --outdated needs a scope: pass -n NAMESPACE, or -A for every namespace$/ },
  { rule: '--outdated with pod names too', args: () => ['reschedule', '--outdated', '-n', 'test', 'test', '--yes'], exit: 2, stderr: /^error: pass pod names or --outdated, not both$/ },
  { rule: '--outdated and --all together', args: () => ['reschedule', '--outdated', '--all', '-A', '--yes'], exit: 2, stderr: /^error: pass --all or --outdated, not both; --all takes pods whose placement drifted, --outdated pods whose Fargate kubelet blocks the next upgrade$/ },
  { rule: '--outdated=maybe', args: () => ['reschedule', '--outdated=maybe', '-A', '--yes'], exit: 2, stderr: /^error: invalid value "maybe" for --outdated: use true or false$/ },
  { rule: '--outdated on check (it is --upgrade there)', args: () => ['check', '--outdated'], exit: 2, stderr: /^error: --outdated is only valid with: reschedule$/ },
  { rule: '--upgrade on reschedule (it is --outdated there)', args: () => ['reschedule', '--upgrade', '-A', '--yes'], exit: 2, stderr: /^error: --upgrade is only valid with: check$/ },
  { rule: 'non-TTY reschedule --outdated without --yes', args: () => ['reschedule', '--outdated', '-A'], exit: 2, stderr: /^error: refusing to reschedule without confirmation: pass --yes \(stdin is not a terminal\)/ },
  {
    rule: 'check --upgrade when /version cannot be read: could not tell (the warning says why)',
    args: () => ['check', '--upgrade'],
    setup: (fx) => {
      fx.sim.faults.failNext({ path: /^\/version/, status: 500, count: 5 });
      return () => fx.sim.faults.reset();
    },
    exit: 3,
    warnings: 1,
    stderr: /^error: cannot check upgrade readiness: the control plane's version is unknown \(see the warning above\); check that GET \/version answers \(kubectl version\)$/,
  },
  {
    rule: 'restore --pending with files too',
    args: (fx) => ['restore', '--pending', join(fx.dir, 'x.yaml')],
    exit: 2,
    stderr: /^error: pass backup files or --pending, not both$/,
  },
  {
    rule: 'restore --pending without a terminal and without --yes',
    args: () => ['restore', '--pending'],
    exit: 2,
    stderr: /^error: refusing to restore without confirmation: pass --yes \(stdin is not a terminal\)$/,
  },

  // ---- credentials and servers (issue 9 "credentials", issue 19) ----
  {
    rule: 'a kubeconfig server that is not a URL names the file, the cluster entry and the value',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('bad-server.yaml', { server: 'not a url' }) }),
    exit: 1,
    stderr: /^error: kubeconfig \S+bad-server\.yaml: cluster "c" has server "not a url", which is not a URL; set it to the API server's address, e\.g\. https:\/\/ABC123\.gr7\.us-east-1\.eks\.amazonaws\.com \(`aws eks update-kubeconfig --name CLUSTER` writes it\)$/,
  },
  {
    rule: 'https:// to a server that speaks plain HTTP: not TLS on that port (not the CA, no OpenSSL text)',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('https-to-http.yaml', { server: fx.plainSim.url.replace('http:', 'https:'), tls: 'verify' }) }),
    exit: 1,
    stderr: /^error: the server at https:\/\/127\.0\.0\.1:(\d+) does not speak TLS on that port \(it answered like plain HTTP\); use http:\/\/127\.0\.0\.1:\1 in the kubeconfig if it really serves plain HTTP, or the port that serves https$/,
  },
  {
    rule: 'https:// to a server that speaks plain HTTP, with insecure-skip-tls-verify: the same line',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('https-to-http-skip.yaml', { server: fx.plainSim.url.replace('http:', 'https:'), tls: 'skip' }) }),
    exit: 1,
    stderr: /^error: the server at https:\/\/127\.0\.0\.1:(\d+) does not speak TLS on that port \(it answered like plain HTTP\); use http:\/\/127\.0\.0\.1:\1 in the kubeconfig if it really serves plain HTTP, or the port that serves https$/,
  },
  {
    rule: 'a token for a plain http:// server is not sent: one warning, and the report goes on anonymously',
    args: () => ['-n', 'test', '-o', 'json', '--no-aws'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('plain-token.yaml', { server: fx.plainSim.url, user: { token: fx.sim.token } }) }),
    exit: 0,
    stderr: /^warning: cluster "c" in kubeconfig \S+plain-token\.yaml is plain http \(http:\/\/127\.0\.0\.1:\d+\): connecting without user "u"'s credentials \(token\), as kubectl does, so they never cross the network unencrypted; use the cluster's https:\/\/ address to authenticate$/,
  },
  {
    rule: 'an exec plugin for a plain http:// server is not even run: one warning',
    args: () => ['-n', 'test', '-o', 'json', '--no-aws'],
    // `false` would fail the run if it ran.
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('plain-exec.yaml', { server: fx.plainSim.url, user: execUser('false') }) }),
    exit: 0,
    stderr: /^warning: cluster "c" in kubeconfig \S+plain-exec\.yaml is plain http \(http:\/\/127\.0\.0\.1:\d+\): connecting without user "u"'s credentials \(exec credential plugin `false`\), as kubectl does/,
  },
  {
    rule: 'an exec plugin that never answers is stopped after --request-timeout, naming the command to run alone',
    args: () => ['-o', 'json', '--request-timeout', '1s'],
    env: (fx) => ({ KUBECONFIG: fx.kubeconfig('exec-hangs.yaml', { user: execUser('sh', ['-c', 'sleep 30']) }) }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `sh` \(user "u"\) did not answer within 1s and was stopped; run it alone to see where it waits: `sh -c 'sleep 30'` \(--request-timeout sets how long to wait\)$/,
  },
  {
    rule: 'an exec plugin reply that is not an ExecCredential is refused in one line (the reply not shown)',
    args: () => ['-o', 'json'],
    env: (fx) => ({
      KUBECONFIG: fx.kubeconfig('exec-kind.yaml', { user: execUser('sh', ['-c', `echo '{"apiVersion":"v1","kind":"Secret","data":{"token":"${fx.sim.token}"}}'`]) }),
    }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `sh` \(user "u"\) returned kind "Secret" \(apiVersion "v1"\), not an ExecCredential; run `sh -c '.+'` alone: a kubectl credential plugin prints an ExecCredential \(client\.authentication\.k8s\.io\/v1beta1\) as JSON$/,
  },
  {
    rule: 'an exec plugin answering in another apiVersion than the kubeconfig asks for',
    args: () => ['-o', 'json'],
    env: (fx) => ({
      KUBECONFIG: fx.kubeconfig('exec-version.yaml', {
        user: execUser('sh', ['-c', `echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${fx.sim.token}"}}'`]),
      }),
    }),
    exit: 1,
    stderr: /^error: the kubeconfig's exec credential plugin `sh` \(user "u"\) returned an ExecCredential of apiVersion "client\.authentication\.k8s\.io\/v1", but user "u" in the kubeconfig asks for client\.authentication\.k8s\.io\/v1beta1; make the kubeconfig's exec apiVersion match what the plugin prints \(re-run `aws eks update-kubeconfig` for EKS\)$/,
  },
  {
    rule: 'a YAML alias bomb in --profiles-file names the file',
    args: (fx) => ['--no-aws', '--profiles-file', fx.file('bomb.yaml', ALIAS_BOMB), '-o', 'json'],
    exit: 1,
    stderr: /^error: \S+bomb\.yaml: its YAML aliases \(\*name\) expand to too many nodes \(an alias bomb\), so it is not read; write the profiles out without repeating aliases$/,
  },
  {
    rule: 'a YAML alias bomb as the kubeconfig names the file',
    args: () => ['-o', 'json'],
    env: (fx) => ({ KUBECONFIG: fx.file('kubeconfig-bomb.yaml', ALIAS_BOMB) }),
    exit: 1,
    stderr: /^error: kubeconfig \S+kubeconfig-bomb\.yaml is not valid YAML: its YAML aliases \(\*name\) expand to too many nodes \(an alias bomb\); fix the file/,
  },
  // ---- several clusters (--contexts, --all-contexts, --concurrency) ----
  {
    rule: '--concurrency 0 reads nothing',
    args: () => ['--all-contexts', '--concurrency', '0', '-o', 'json'],
    exit: 2,
    stderr: /^error: invalid --concurrency "0": give a whole number from 1 to 64; e\.g\. --concurrency 4 \(the default\)$/,
  },
  {
    rule: 'reschedule with --contexts: writes go to one cluster at a time',
    args: () => ['reschedule', '--all', '-A', '--contexts', 'a,b', '--yes'],
    exit: 2,
    stderr: /^error: --contexts is only for reading \(tables, -o json\|yaml, check\): reschedule changes one cluster at a time; pass --context NAME$/,
  },
  {
    rule: 'a --contexts glob matching no context lists the contexts there are',
    args: () => ['--contexts', 'nope-*', '-o', 'json'],
    exit: 2,
    stderr: /^error: --contexts "nope-\*" matches no context in kubeconfig \S+ \(contexts: \S+\); `kubectl config get-contexts -o name` lists them$/,
  },
  {
    rule: '--watch with --all-contexts is refused, not dropped',
    args: () => ['--all-contexts', '-w'],
    exit: 2,
    stderr: /^error: --watch follows one cluster: it is not available with --contexts or --all-contexts; pass --context NAME$/,
  },
  {
    rule: 'check --upgrade with --all-contexts is refused, not dropped',
    args: () => ['check', '--upgrade', '--all-contexts'],
    exit: 2,
    stderr: /^error: check --upgrade reads one cluster: it is not available with --contexts or --all-contexts yet; pass --context NAME$/,
  },
  {
    rule: '--sort-by with --all-contexts is refused, not dropped',
    args: () => ['--all-contexts', '--sort-by=.name'],
    exit: 2,
    stderr: /^error: --sort-by is not available with --contexts or --all-contexts; drop --sort-by, or pass --context NAME$/,
  },
];


/** The user's environment minus anything that would point the CLI elsewhere. */
const STATE_HOME = mkdtempSync(join(tmpdir(), 'kf-bad-input-state-'));

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(KUBECONFIG|AWS_|KUBECTL_FARGATE_|CI$)/.test(key)) continue;
    env[key] = value;
  }
  // Journals a run on this machine left in the user's state directory would add warnings.
  env.XDG_STATE_HOME = STATE_HOME;
  return env;
}

function envFor(row: Row, fx: Fixtures): NodeJS.ProcessEnv {
  const env = { ...cleanEnv(), ...(row.env ? { ...simEnv(fx.sim), ...row.env(fx) } : simEnv(fx.sim)) };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

describe('bad input: one line naming the problem and the fix, the right exit code, no stack trace', () => {
  let fx: Fixtures;

  before(async () => {
    const sim = await startSim({ scenario: 'walkthrough', tls: true });
    const plainSim = await startSim({ scenario: 'walkthrough' });
    const dir = mkdtempSync(join(tmpdir(), 'kf-bad-input-'));
    const emptyHome = join(dir, 'home');
    const emptyPath = join(dir, 'bin');
    mkdirSync(emptyHome);
    mkdirSync(emptyPath);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const kubeconfig: Fixtures['kubeconfig'] = (name, opts) => {
      const server = opts.server ?? sim.url;
      const cluster: Record<string, unknown> = { server };
      if ((opts.tls ?? 'skip') === 'skip') cluster['insecure-skip-tls-verify'] = true;
      return file(
        name,
        stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [{ name: 'c', cluster }],
          users: [{ name: 'u', user: opts.user ?? { token: sim.token } }],
          contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
          ...(opts.current === false ? {} : { 'current-context': 'ctx' }),
        }),
      );
    };
    const unreadable = file('unreadable.yaml', 'apiVersion: v1\nkind: Config\n');
    chmodSync(unreadable, 0o000);
    fx = {
      sim,
      plainSim,
      dir,
      emptyHome,
      emptyPath,
      unreadable,
      file,
      kubeconfig,
      closedPortUrl: await closedPortUrl(),
      tlsUrl: sim.url,
      podName: (namespace, prefix) => {
        const pod = sim.cluster.listPods().find((p) => p.metadata.namespace === namespace && p.metadata.name.startsWith(prefix));
        assert.ok(pod, `no pod ${namespace}/${prefix}* in the sim`);
        return pod.metadata.name;
      },
    };
  });

  after(async () => {
    await fx?.sim.close();
    await fx?.plainSim.close();
    if (fx) rmSync(fx.dir, { recursive: true, force: true });
    rmSync(STATE_HOME, { recursive: true, force: true });
  });

  for (const row of rows) {
    test(row.rule, async (t) => {
      const skip = row.skip?.(fx);
      if (skip) return t.skip(skip);
      const undo = row.setup?.(fx);
      let result;
      try {
        result = await runCli(row.args(fx), envFor(row, fx), { timeoutMs: 90_000 });
      } finally {
        undo?.();
      }
      const { code, stdout, stderr } = result;
      const context = `\nexit ${code}\nstderr:\n${stderr}\nstdout:\n${stdout.slice(0, 400)}`;
      assert.equal(code, row.exit, `exit code${context}`);
      assert.doesNotMatch(stderr, /^\s+at\s|node:internal|\.[cm]?js:\d+:\d+/m, `a stack trace on stderr${context}`);
      const lines = stderr.split('\n').filter((line) => line !== '');
      const errors = lines.filter((line) => line.startsWith('error: '));
      const warnings = lines.filter((line) => line.startsWith('warning: '));
      assert.equal(errors.length + warnings.length, lines.length, `only error:/warning: lines${context}`);
      if (row.stderr === null) {
        assert.equal(lines.length, 0, `nothing on stderr${context}`);
      } else if (row.exit === 0) {
        assert.equal(errors.length, 0, `no error line${context}`);
        assert.equal(warnings.length, 1, `exactly one warning${context}`);
        assert.match(warnings[0]!, row.stderr);
      } else {
        assert.equal(errors.length, 1, `exactly one error line${context}`);
        assert.ok(warnings.length <= (row.warnings ?? 0), `unexpected warnings${context}`);
        assert.match(errors[0]!, row.stderr, context);
      }
      if (row.stdout) assert.match(stdout, row.stdout, context);
      // The tool's own token never leaks into an error.
      assert.ok(!stderr.includes(fx.sim.token), 'the token is not printed');
    });
  }
});

/** A loopback URL nothing listens on: bind a port, then free it. */
async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `https://127.0.0.1:${port}`;
}
