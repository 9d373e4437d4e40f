// Backups: private, durable, never overwritten, readable back; the default location.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultBackupDir, readManifestFile, restoreCommand, restoreHint, safeSegment, writeBackup } from '../../source/actions/backup.js';
import { shellQuote } from '../../source/lib/shell-quote.js';
import { UserError } from '../../source/errors.js';
import { tempDir } from '../helpers/files.js';

const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test', namespace: 'test', labels: { run: 'test' } }, spec: { containers: [{ name: 'test', image: 'nginx:1.27' }] } };
const CONTEXT = 'arn:aws:eks:us-east-1:111122223333:cluster/demo';
const mode = (p: string) => statSync(p).mode & 0o777;

describe('writeBackup', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, () => {
  test('file 0600 under <dir>/<context>/<namespace>/<name>-<time>.yaml, new dirs 0700', () => {
    const root = path.join(tempDir('kf-backup-'), 'not', 'yet');
    const { file } = writeBackup({ dir: root, context: CONTEXT, manifest, now: new Date('2026-06-01T12:00:00.123Z') });
    assert.equal(file, path.join(root, 'arn_aws_eks_us-east-1_111122223333_cluster_demo', 'test', 'test-20260601T120000123Z.yaml'));
    assert.equal(mode(file), 0o600);
    for (const dir of [root, path.dirname(root), path.dirname(file), path.dirname(path.dirname(file))]) assert.equal(mode(dir), 0o700, dir);
  });

  test('the file reads back as the same manifest, with a header saying how to restore', () => {
    const { file } = writeBackup({ dir: tempDir('kf-backup-'), context: CONTEXT, manifest, uid: 'u-1' });
    assert.match(file, /^[\w/.-]+$/, 'a path with no characters to quote');
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(parse(text), manifest);
    assert.match(text, /^# kubectl-fargate backup of pod test\/test \(uid u-1\)/);
    assert.ok(text.includes(`# restore: kubectl fargate restore --context ${CONTEXT} ${file}   (or: kubectl --context ${CONTEXT} apply -f ${file})`), text);
    assert.deepEqual(readManifestFile(file), manifest);
  });

  test('never overwrites: two backups in the same millisecond get two files', () => {
    const dir = tempDir('kf-backup-');
    const now = new Date('2026-06-01T12:00:00.000Z');
    const a = writeBackup({ dir, context: 'c', manifest, now });
    const b = writeBackup({ dir, context: 'c', manifest: { ...manifest, spec: { containers: [{ name: 'x', image: 'y' }] } }, now });
    assert.notEqual(a.file, b.file);
    assert.equal(readManifestFile(a.file).spec.containers[0].name, 'test');
  });

  test('an unwritable directory is one UserError line, before anything else happens', () => {
    const blocker = path.join(tempDir('kf-backup-'), 'file');
    writeFileSync(blocker, '');
    assert.throws(() => writeBackup({ dir: blocker, context: 'c', manifest }), (e: unknown) => e instanceof UserError && /cannot create the backup directory/.test(e.message));
  });
});

describe('defaultBackupDir', () => {
  const cases = [
    { rule: 'XDG_STATE_HOME wins', env: { XDG_STATE_HOME: '/x/state', HOME: '/home/u' }, platform: 'linux', want: '/x/state/kubectl-fargate/backups' },
    { rule: 'else ~/.local/state', env: { HOME: '/home/u' }, platform: 'linux', want: '/home/u/.local/state/kubectl-fargate/backups' },
    { rule: 'macOS follows the same XDG rule (CLI tools there do too)', env: { HOME: '/Users/u' }, platform: 'darwin', want: '/Users/u/.local/state/kubectl-fargate/backups' },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(defaultBackupDir(c.env, c.platform as NodeJS.Platform), c.want));
});

describe('readManifestFile: one-line errors', () => {
  const dir = tempDir('kf-read-');
  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cases = [
    { rule: 'missing file', file: path.join(dir, 'nope.yaml'), message: /does not exist/ },
    { rule: 'not YAML', file: write('bad.yaml', 'kind: Pod\n  : : [\n'), message: /not valid YAML/ },
    { rule: 'not a Pod', file: write('dep.yaml', 'kind: Deployment\nmetadata: {name: x}\n'), message: /holds a Deployment, not a Pod/ },
    { rule: 'no name', file: write('noname.json', '{"kind":"Pod","spec":{"containers":[{"name":"a","image":"b"}]}}'), message: /no metadata.name/ },
    { rule: 'a list, not a mapping', file: write('list.yaml', '- a\n- b\n'), message: /does not hold a pod manifest/ },
  ];
  for (const c of cases) {
    test(c.rule, () => assert.throws(() => readManifestFile(c.file), (e: unknown) => e instanceof UserError && c.message.test(e.message) && !e.message.includes('\n')));
  }
});

test('restoreHint quotes paths for the shell and names both ways back', () => {
  assert.equal(restoreHint('/a b/c.yaml'), "restore it with `kubectl fargate restore '/a b/c.yaml'` (or `kubectl apply -f '/a b/c.yaml'`)");
  assert.equal(restoreHint('/a/c.yaml', 'prod'), 'restore it with `kubectl fargate restore --context prod /a/c.yaml` (or `kubectl --context prod apply -f /a/c.yaml`)');
  assert.equal(safeSegment('arn:aws:eks:x:1:cluster/demo'), 'arn_aws_eks_x_1_cluster_demo');
});

describe('shellQuote: one word, nothing runs', () => {
  const cases = [
    { rule: 'a plain path stays bare', word: '/home/u/.local/state/x-1.yaml', quoted: '/home/u/.local/state/x-1.yaml' },
    { rule: 'an EKS context ARN stays bare', word: 'arn:aws:eks:us-east-1:1:cluster/demo', quoted: 'arn:aws:eks:us-east-1:1:cluster/demo' },
    { rule: 'spaces: single quotes', word: '/my backups/x.yaml', quoted: "'/my backups/x.yaml'" },
    { rule: 'a single quote is closed, escaped, reopened', word: "/it's/x.yaml", quoted: "'/it'\\''s/x.yaml'" },
    { rule: '$(...) and backquotes are inert inside single quotes', word: '/$(rm -rf ~)/`id`', quoted: "'/$(rm -rf ~)/`id`'" },
    { rule: 'the empty string is an empty word', word: '', quoted: "''" },
    { rule: 'a glob is not expanded', word: '/tmp/*', quoted: "'/tmp/*'" },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(shellQuote(c.word), c.quoted));
});

describe('the restore line in a backup file, pasted into a shell', { skip: process.platform === 'win32' ? 'POSIX sh' : false }, () => {
  test('a backup dir with spaces, quotes and $(...) gives the file as one word and runs nothing', async () => {
    const base = tempDir('kf-quote-');
    const dir = path.join(base, "it's my $(touch PWNED) `touch PWNED2` backups");
    const { file } = writeBackup({ dir, context: "ctx with 'quote' $(touch PWNED3)", manifest });
    const header = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('# restore: '))!;
    const [restoreLine, applyLine] = header.slice('# restore: '.length).split('   (or: ');
    assert.equal(restoreLine, restoreCommand(file, "ctx with 'quote' $(touch PWNED3)"));
    // A fake kubectl that prints each argument on its own line.
    const bin = path.join(base, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'kubectl'), '#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done\n');
    chmodSync(path.join(bin, 'kubectl'), 0o755);
    const run = (line: string) => promisify(execFile)('sh', ['-c', line], { cwd: base, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    const restored = await run(restoreLine!);
    assert.deepEqual(restored.stdout.split('\n').slice(0, -1), ['fargate', 'restore', '--context', "ctx with 'quote' $(touch PWNED3)", file]);
    const applied = await run(applyLine!.replace(/\)$/, ''));
    assert.deepEqual(applied.stdout.split('\n').slice(0, -1), ['--context', "ctx with 'quote' $(touch PWNED3)", 'apply', '-f', file]);
    for (const f of ['PWNED', 'PWNED2', 'PWNED3']) assert.equal(existsSync(path.join(base, f)), false, `${f}: nothing ran`);
  });
});
